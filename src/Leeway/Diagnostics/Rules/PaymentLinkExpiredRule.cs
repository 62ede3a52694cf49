using Leeway.Billing;
using Stripe.Checkout;

namespace Leeway.Diagnostics.Rules;

/// <summary>
/// <c>payment_link_expired</c>: the way to pay is a link that no longer works. Either a payment checkout session
/// expired and no later session (open or complete) replaced it, or an open invoice's hosted link has expired by
/// Stripe's rule (<see cref="InvoiceQueries.HostedLinkExpiresAt"/>: from its due date or finalization).
/// </summary>
internal sealed class PaymentLinkExpiredRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing)
        {
            yield break;
        }

        foreach (var session in billing.CheckoutSessions.Where(s => IsPaymentLink(s) && IsExpired(s, input.Now)).OrderBy(s => s.ExpiresAt))
        {
            if (IsSettled(billing, session.InvoiceId) || IsReplaced(billing, session, input.Now))
            {
                continue;
            }

            var finding = new FindingBuilder(RootCause.PaymentLinkExpired)
                .Object(session.Id)
                .Object(session.InvoiceId)
                .Fact(FactKeys.LinkKind, "checkout_session")
                .Fact(FactKeys.CheckoutSession, session.Id)
                .Fact(FactKeys.Invoice, session.InvoiceId)
                .Fact(FactKeys.LinkExpiredAt, session.ExpiresAt.Utc())
                .Money(session.AmountTotal ?? 0, session.Currency);
            yield return finding.Build("The payment link expired before it was used; a fresh link is needed to pay.");
        }

        foreach (var invoice in billing.OpenInvoices())
        {
            if (invoice.HostedLinkExpiresAt() is not { } expiredAt || expiredAt > input.Now)
            {
                continue;
            }

            var finding = new FindingBuilder(RootCause.PaymentLinkExpired)
                .Object(invoice.Id)
                .Fact(FactKeys.LinkKind, "invoice")
                .Fact(FactKeys.Invoice, invoice.Id)
                .Fact(FactKeys.InvoiceNumber, invoice.Number)
                .Fact(FactKeys.LinkExpiredAt, expiredAt)
                .Fact(FactKeys.Url, invoice.HostedInvoiceUrl)
                .Fact(FactKeys.DueDate, invoice.DueDate.Utc())
                .Money(invoice.Owed(), invoice.Currency);
            yield return finding.Build($"The payment link for invoice {invoice.Id} has expired; a fresh link is needed to pay.");
        }
    }

    // A card-update (setup) session is not a way to pay.
    private static bool IsPaymentLink(Session session) => session.Mode != "setup";

    private static bool IsExpired(Session session, DateTimeOffset now) =>
        session.Status == "expired" || (session.Status == "open" && session.ExpiresAt > DateTime.UnixEpoch && session.ExpiresAt.Utc() <= now);

    private static bool IsSettled(BillingSnapshot billing, string? invoiceId) =>
        invoiceId is not null && billing.Invoices.FirstOrDefault(i => i.Id == invoiceId)?.Status is "paid" or "void";

    private static bool IsReplaced(BillingSnapshot billing, Session expired, DateTimeOffset now) =>
        billing.CheckoutSessions.Any(s =>
            s.Id != expired.Id
            && IsPaymentLink(s)
            && (s.Status == "complete" || (s.Status == "open" && !IsExpired(s, now)))
            && (s.Created > expired.Created || (s.Created == expired.Created && s.ExpiresAt > expired.ExpiresAt))
            && (expired.InvoiceId is null || s.InvoiceId is null || s.InvoiceId == expired.InvoiceId));
}
