using Leeway.Billing;
using Stripe.Checkout;

namespace Leeway.Diagnostics.Rules;

/// <summary>
/// <c>payment_due</c>: money is owed and nothing failed: an open invoice with an amount remaining, or a payment link
/// (a payment-mode checkout session) handed and still open. A fresh link is the way to pay, not a payment, so the
/// customer is never told all is well while it waits. What another finding already explains (a decline, an expired
/// link, an overdue invoice, a customer held for risk) is that finding's; <see cref="RuleEngine"/> drops a
/// <c>payment_due</c> finding about an object another finding names, so each debt is said once.
/// </summary>
internal sealed class PaymentDueRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing)
        {
            yield break;
        }

        var openLinks = billing.CheckoutSessions.Where(s => IsOpenPaymentLink(s, input.Now)).OrderByDescending(s => s.Created).ToList();
        foreach (var invoice in billing.OpenInvoices().Where(i => i.Owed() > 0))
        {
            // The newest open link for this invoice is the way to pay it; else the invoice's own hosted page.
            var link = openLinks.FirstOrDefault(s => s.InvoiceId == invoice.Id);
            var finding = new FindingBuilder(RootCause.PaymentDue)
                .Object(invoice.Id)
                .Fact(FactKeys.Invoice, invoice.Id)
                .Fact(FactKeys.InvoiceNumber, invoice.Number)
                .Fact(FactKeys.InvoiceStatus, invoice.Status)
                .Money(invoice.Owed(), invoice.Currency)
                .Fact(FactKeys.DueDate, invoice.DueDate.Utc())
                .Fact(FactKeys.NextPaymentAttempt, invoice.NextPaymentAttempt.Utc())
                .Fact(FactKeys.HostedInvoiceUrl, invoice.HostedInvoiceUrl)
                .Fact(FactKeys.LinkKind, link is null ? "invoice" : "checkout_session")
                .Fact(FactKeys.CheckoutSession, link?.Id)
                .Fact(FactKeys.Url, link?.Url ?? invoice.HostedInvoiceUrl);
            if (link is not null)
            {
                finding.Object(link.Id);
            }

            yield return finding.Build($"Invoice {invoice.Id} is open with money still to pay; nothing has failed.");
        }

        foreach (var link in openLinks.Where(s => s.InvoiceId is null || billing.Invoices.All(i => i.Id != s.InvoiceId)))
        {
            var finding = new FindingBuilder(RootCause.PaymentDue)
                .Object(link.Id)
                .Fact(FactKeys.LinkKind, "checkout_session")
                .Fact(FactKeys.CheckoutSession, link.Id)
                .Fact(FactKeys.Url, link.Url)
                .Money(link.AmountTotal ?? 0, link.Currency);
            yield return finding.Build("A payment link was handed and has not been paid yet.");
        }
    }

    /// <summary>A payment link (not a card-update session) that still works and was not paid.</summary>
    private static bool IsOpenPaymentLink(Session session, DateTimeOffset now) =>
        session.Mode != "setup"
        && session.Status == "open"
        && session.PaymentStatus != "paid"
        && (session.ExpiresAt <= DateTime.UnixEpoch || session.ExpiresAt.Utc() > now)
        && (session.AmountTotal ?? 0) > 0;
}
