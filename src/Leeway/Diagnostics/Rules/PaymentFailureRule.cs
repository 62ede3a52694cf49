using Leeway.Billing;

namespace Leeway.Diagnostics.Rules;

/// <summary>
/// <c>payment_failed_*</c> (and <c>payment_blocked_risk</c> for a hard decline): an open invoice whose last payment
/// attempt was declined, classified by <see cref="DeclineCodes"/>.
/// </summary>
internal sealed class PaymentFailureRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing)
        {
            yield break;
        }

        foreach (var invoice in billing.OpenInvoices())
        {
            if (billing.DeclineOf(invoice) is not { } decline)
            {
                continue;
            }

            var info = DeclineCodes.Classify(decline.Code);
            var subscription = billing.SubscriptionOf(invoice);
            var finding = new FindingBuilder(RootCauses.Of(info.Kind))
                .Object(invoice.Id)
                .Object(decline.Intent?.Id)
                .Fact(FactKeys.Invoice, invoice.Id)
                .Fact(FactKeys.InvoiceNumber, invoice.Number)
                .Money(invoice.Owed(), invoice.Currency)
                .Fact(FactKeys.DeclineCode, info.Code)
                .Fact(FactKeys.Retryable, info.Retryable)
                .Fact(FactKeys.HardDecline, info.Hard)
                .Fact(FactKeys.AttemptCount, invoice.AttemptCount)
                .Fact(FactKeys.NextPaymentAttempt, invoice.NextPaymentAttempt.Utc())
                .Fact(FactKeys.DueDate, invoice.DueDate.Utc())
                .Fact(FactKeys.HostedInvoiceUrl, invoice.HostedInvoiceUrl)
                .Fact(FactKeys.PaymentIntent, decline.Intent?.Id)
                .Fact(FactKeys.PaymentIntentStatus, decline.Intent?.Status)
                .Card(decline.Card ?? billing.DefaultCard());
            if (subscription is not null)
            {
                finding.Object(subscription.Id).Fact(FactKeys.Subscription, subscription.Id).Fact(FactKeys.SubscriptionStatus, subscription.Status);
            }

            yield return finding.Build(info.Hard
                ? "A payment was refused for security reasons and will not be retried; our billing team must review it."
                : $"The last payment attempt for invoice {invoice.Id} was declined ({info.Code}).");
        }
    }
}
