using Leeway.Billing;

namespace Leeway.Diagnostics.Rules;

/// <summary><c>refund_in_progress</c>: a refund is pending; it reaches the card in 5–10 business days.</summary>
internal sealed class RefundInProgressRule : IDiagnosisRule
{
    /// <summary>The slow end of the 5–10 business days a refund takes to reach the card.</summary>
    public const int BusinessDaysToArrive = 10;

    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing)
        {
            yield break;
        }

        foreach (var refund in billing.Refunds.Where(r => r.Status == "pending").OrderBy(r => r.Created))
        {
            var charge = billing.Charges.FirstOrDefault(c => c.Id == refund.ChargeId);
            var created = refund.Created.Utc();
            var finding = new FindingBuilder(RootCause.RefundInProgress)
                .Object(refund.Id)
                .Object(refund.ChargeId)
                .Fact(FactKeys.Refund, refund.Id)
                .Fact(FactKeys.Charge, refund.ChargeId)
                .Fact(FactKeys.RefundCreated, created)
                .Fact(FactKeys.RefundExpectedBy, AddBusinessDays(created, BusinessDaysToArrive))
                .Money(refund.Amount, refund.Currency ?? charge?.Currency)
                .Card(billing.PaymentMethodById(charge?.PaymentMethod));
            if (charge is not null && billing.InvoiceOf(charge) is { } invoice)
            {
                finding.Object(invoice).Fact(FactKeys.Invoice, invoice);
            }

            yield return finding.Build("A refund is on its way to the card.");
        }
    }

    internal static DateTimeOffset AddBusinessDays(DateTimeOffset start, int days)
    {
        var day = start;
        while (days > 0)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                days--;
            }
        }

        return day;
    }
}
