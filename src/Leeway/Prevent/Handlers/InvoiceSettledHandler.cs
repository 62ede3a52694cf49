using Leeway.Prevent.Jobs;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Stripe;

namespace Leeway.Prevent.Handlers;

/// <summary>
/// <c>invoice.paid</c> / <c>invoice.payment_succeeded</c> / <c>invoice.voided</c>: the invoice is settled, so what Tier 0
/// had open about it is closed: pending retries cancelled, unsent nudges cancelled, in-app nudges resolved. Cases stay
/// with the people working them (they see the invoice settled in the diagnosis); closing one is a person's call.
/// A paid invoice is told to the observers with what Tier 0 knows of its failures (the contact log counts recoveries).
/// </summary>
internal sealed class InvoiceSettledHandler(StripeClient stripe, JobQueue jobs, NudgeOutbox outbox, WebhookInbox inbox, PreventObservers observers) : IWebhookHandler
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
        if (invoice.Status == "paid")
        {
            var failureSeen = await inbox.AnyOfTypeAsync(invoice.Id, [PaymentProblemHandler.PaymentFailed, PaymentProblemHandler.ActionRequired], cancellationToken);
            await observers.InvoicePaidAsync(new PaidInvoice(invoice.CustomerId, invoice.Id, invoice.AmountPaid, invoice.Currency, invoice.AttemptCount, failureSeen));
        }
    }
}
