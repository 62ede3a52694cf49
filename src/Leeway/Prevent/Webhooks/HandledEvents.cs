namespace Leeway.Prevent.Webhooks;

/// <summary>
/// The Stripe event types Leeway handles: what <c>leeway stripe connect</c> subscribes the webhook endpoint to, what
/// <c>leeway doctor</c> checks it for, and what the registered handlers must cover between them, no more and no less
/// (<see cref="WebhookHandlers"/> refuses to start otherwise), so the endpoint and the handlers cannot drift apart.
/// </summary>
internal static class HandledEvents
{
    public static IReadOnlyList<string> Types { get; } =
    [
        "charge.dispute.created",
        "charge.refunded",
        "checkout.session.completed",
        "checkout.session.expired",
        "customer.source.expiring",
        "customer.updated",
        "invoice.marked_uncollectible",
        "invoice.paid",
        "invoice.payment_action_required",
        "invoice.payment_failed",
        "invoice.payment_succeeded",
        "invoice.voided",
        "payment_method.attached",
        "payment_method.automatically_updated",
        "payment_method.card_automatically_updated",
        "payment_method.detached",
        "payment_method.updated",
        "setup_intent.succeeded",
    ];
}
