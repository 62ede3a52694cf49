namespace Leeway.Prevent.Webhooks;

/// <summary>
/// Reacts to some Stripe event types. An event can be handled more than once (a crash after the effect but before the
/// inbox recorded it), so every effect is keyed by the event id: gate decisions, jobs and nudges all dedupe on it.
/// </summary>
internal interface IWebhookHandler
{
    IReadOnlyCollection<string> EventTypes { get; }

    Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken);
}
