using Leeway.Billing;

namespace Leeway.Diagnostics.Rules;

/// <summary><c>dispute_open</c>: a dispute on one of the customer's charges is still open (humans only).</summary>
internal sealed class DisputeOpenRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing)
        {
            yield break;
        }

        foreach (var dispute in billing.Disputes.Where(d => DisputeStatuses.IsOpen(d.Status)).OrderBy(d => d.Created))
        {
            var charge = billing.Charges.FirstOrDefault(c => c.Id == dispute.ChargeId);
            var finding = new FindingBuilder(RootCause.DisputeOpen)
                .Object(dispute.Id)
                .Object(dispute.ChargeId)
                .Fact(FactKeys.Dispute, dispute.Id)
                .Fact(FactKeys.Charge, dispute.ChargeId)
                .Fact(FactKeys.DisputeStatus, dispute.Status)
                .Fact(FactKeys.DisputeReason, dispute.Reason)
                .Fact(FactKeys.DisputeCreated, dispute.Created.Utc())
                .Fact(FactKeys.ChargeCreated, charge?.Created.Utc())
                .Fact(FactKeys.EvidenceDueBy, dispute.EvidenceDetails?.DueBy.Utc())
                .Money(dispute.Amount, dispute.Currency ?? charge?.Currency);
            if (charge is not null && billing.InvoiceOf(charge) is { } invoice)
            {
                finding.Object(invoice).Fact(FactKeys.Invoice, invoice);
            }

            yield return finding.Build("A payment is disputed with the bank; only our billing team can act on it.");
        }
    }
}
