using Stripe;

namespace Leeway.Prevent;

/// <summary>
/// <c>invoice.paid</c> / <c>invoice.payment_succeeded</c> / <c>invoice.voided</c>: the invoice is settled, so what Tier 0
/// had open about it is closed: pending retries cancelled, unsent nudges cancelled, in-app nudges resolved. Cases stay
/// with the people working them (they see the invoice settled in the diagnosis); closing one is a person's call.
/// </summary>
internal sealed class InvoiceSettledHandler(StripeClient stripe, JobQueue jobs, NudgeOutbox outbox) : IWebhookHandler
{
    public IReadOnlyCollection<string> EventTypes => ["invoice.paid", "invoice.payment_succeeded", "invoice.voided", "invoice.marked_uncollectible"];

    public async Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken)
    {
        if (e.ObjectId is null)
        {
            return;
        }

        var invoice = await stripe.V1.Invoices.GetAsync(e.ObjectId, cancellationToken: cancellationToken);
        if (invoice.Status is not ("paid" or "void" or "uncollectible") || string.IsNullOrEmpty(invoice.CustomerId))
        {
            return;
        }

        await jobs.CancelAsync(invoice.Id, JobKinds.RetryPayment, $"invoice is {invoice.Status}", cancellationToken);
        await outbox.ResolveAsync(invoice.CustomerId, [invoice.Id], null, cancellationToken);
    }
}
