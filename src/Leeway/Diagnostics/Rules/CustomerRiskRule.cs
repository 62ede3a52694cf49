using Leeway.Billing;
namespace Leeway.Diagnostics.Rules;

/// <summary><c>payment_blocked_risk</c> from the customer: risk <c>high</c> (Radar / internal fraud signals, Stripe metadata).</summary>
internal sealed class CustomerRiskRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing || !string.Equals(billing.Risk, "high", StringComparison.OrdinalIgnoreCase))
        {
            yield break;
        }

        var finding = new FindingBuilder(RootCause.PaymentBlockedRisk)
            .Object(billing.Customer.Id)
            .Fact(FactKeys.Customer, billing.Customer.Id)
            .Fact(FactKeys.Risk, "high");
        if (billing.OpenInvoices().FirstOrDefault() is { } open)
        {
            finding.Object(open.Id).Fact(FactKeys.Invoice, open.Id).Fact(FactKeys.InvoiceNumber, open.Number).Money(open.Owed(), open.Currency);
        }

        yield return finding.Build("Payments on this account need a review by our billing team before anything is charged or retried.");
    }
}
