using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Stripe;

namespace Leeway.Prevent.Handlers;

/// <summary>
/// <c>invoice.payment_failed</c> and <c>invoice.payment_action_required</c>: reads the invoice as it is now (a late or
/// out-of-order event about a paid invoice does nothing), asks the diagnosis why it failed, schedules a smart retry for
/// a soft decline, and nudges the customer with the fix: a card-update link for a dead or refused card, an
/// authentication link when the bank wants 3-D Secure, the invoice's payment page otherwise. Hard declines are never
/// retried and go to a person.
/// </summary>
internal sealed class PaymentProblemHandler(StripeClient stripe, IBillingReader billing, CauseFinder causes, SmartRetries retries, Nudger nudger) : IWebhookHandler
{
    public const string PaymentFailed = "invoice.payment_failed";
    public const string ActionRequired = "invoice.payment_action_required";

    public IReadOnlyCollection<string> EventTypes => [PaymentFailed, ActionRequired];

    public async Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken)
    {
        if (e.ObjectId is null)
        {
            return;
        }

        var fallback = e.Type == ActionRequired ? RootCause.PaymentFailedAuthenticationRequired : RootCause.PaymentFailedCardDeclined;
        Cause? cause = null;
        if (e.CustomerId is { } named)
        {
            // The event names the customer (an invoice's customer never changes): the diagnosis reads the customer's
            // billing under its deadline, and the invoice as it is now comes from that same snapshot, shared within this
            // event's read scope, rather than from one more request.
            // What bears on this invoice is read, not the customer's whole billing: two requests instead of seven.
            StripeReadScope.FocusOn(named, e.ObjectId);
            cause = await causes.FindAsync(named, e.ObjectId, fallback, cancellationToken);
        }

        var invoice = await CurrentAsync(e.ObjectId, e.CustomerId, cancellationToken);
        if (invoice.Status != "open" || string.IsNullOrEmpty(invoice.CustomerId))
        {
            return;
        }

        cause ??= await causes.FindAsync(invoice.CustomerId, invoice.Id, fallback, cancellationToken);
        var soft = cause.Fact(FactKeys.Retryable) == "true" && cause.Fact(FactKeys.HardDecline) != "true";
        if (soft && cause.Reason != RootCause.PaymentBlockedRisk && e.Type == PaymentFailed)
        {
            await retries.ScheduleAsync(invoice, cancellationToken);
        }

        var payPage = cause.Traits.RecommendedAction == RecommendedAction.RetryPayment ? invoice.HostedInvoiceUrl : null;
        await nudger.NudgeAsync(
            new NudgeDecision(invoice.CustomerId, cause, invoice.Id, FixActions.For(cause.Reason, invoice.CustomerId, invoice.Id, null), payPage, e.Id),
            cancellationToken);
    }

    /// <summary>
    /// The invoice as it is now: from the customer's snapshot the diagnosis read in this event's scope (a late or
    /// out-of-order event about a paid invoice then does nothing), else read directly.
    /// </summary>
    private async Task<Invoice> CurrentAsync(string invoiceId, string? customerId, CancellationToken cancellationToken)
    {
        if (customerId is not null
            && (await billing.ReadAsync(customerId, cancellationToken))?.Invoices.FirstOrDefault(i => i.Id == invoiceId) is { } invoice)
        {
            return invoice;
        }

        return await stripe.V1.Invoices.GetAsync(invoiceId, cancellationToken: cancellationToken);
    }
}
