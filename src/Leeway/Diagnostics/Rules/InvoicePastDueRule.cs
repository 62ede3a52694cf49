using Leeway.Billing;
namespace Leeway.Diagnostics.Rules;

/// <summary>
/// <c>invoice_past_due</c>: an open invoice with no decline on record (a decline is a more specific cause) that is
/// overdue: past its due date, already attempted, or its subscription is past due / unpaid.
/// </summary>
internal sealed class InvoicePastDueRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing)
        {
            yield break;
        }

        foreach (var invoice in billing.OpenInvoices())
        {
            if (billing.DeclineOf(invoice) is not null)
            {
                continue;
            }

            var subscription = billing.SubscriptionOf(invoice);
            var due = invoice.DueDate.Utc();
            var pastDueDate = due is { } d && d < input.Now;
            if (!pastDueDate && invoice.AttemptCount <= 0 && subscription?.Status is not ("past_due" or "unpaid"))
            {
                continue;
            }

            var finding = new FindingBuilder(RootCause.InvoicePastDue)
                .Object(invoice.Id)
                .Fact(FactKeys.Invoice, invoice.Id)
                .Fact(FactKeys.InvoiceNumber, invoice.Number)
                .Money(invoice.Owed(), invoice.Currency)
                .Fact(FactKeys.DueDate, due)
                .Fact(FactKeys.DaysOverdue, pastDueDate ? (long)(input.Now - due!.Value).TotalDays : null)
                .Fact(FactKeys.AttemptCount, invoice.AttemptCount)
                .Fact(FactKeys.NextPaymentAttempt, invoice.NextPaymentAttempt.Utc())
                .Fact(FactKeys.HostedInvoiceUrl, invoice.HostedInvoiceUrl)
                .Card(billing.DefaultCard());
            if (subscription is not null)
            {
                finding.Object(subscription.Id).Fact(FactKeys.Subscription, subscription.Id).Fact(FactKeys.SubscriptionStatus, subscription.Status);
            }

            yield return finding.Build($"Invoice {invoice.Id} is overdue and unpaid.");
        }
    }
}
