using Leeway.Diagnostics;
using Stripe;

namespace Leeway.Prevent;

/// <summary>
/// <c>invoice.payment_failed</c> and <c>invoice.payment_action_required</c>: reads the invoice as it is now (a late or
/// out-of-order event about a paid invoice does nothing), asks the diagnosis why it failed, schedules a smart retry for
/// a soft decline, and nudges the customer with the fix: a card-update link for a dead or refused card, an
/// authentication link when the bank wants 3-D Secure, the invoice's payment page otherwise. Hard declines are never
/// retried and go to a person.
/// </summary>
internal sealed class PaymentProblemHandler(StripeClient stripe, CauseFinder causes, SmartRetries retries, Nudger nudger) : IWebhookHandler
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

        var invoice = await stripe.V1.Invoices.GetAsync(e.ObjectId, cancellationToken: cancellationToken);
        if (invoice.Status != "open" || string.IsNullOrEmpty(invoice.CustomerId))
        {
            return;
        }

        var fallback = e.Type == ActionRequired ? RootCause.PaymentFailedAuthenticationRequired : RootCause.PaymentFailedCardDeclined;
        var cause = await causes.FindAsync(invoice.CustomerId, invoice.Id, fallback, cancellationToken);
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
}
