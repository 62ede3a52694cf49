namespace Leeway.Prevent.Webhooks;

/// <summary>
/// Webhook events this host stored and acknowledged but has not finished handling (handling runs in the background,
/// after Stripe got its 200). Eval, tests and the scheduled work wait on it.
/// </summary>
internal interface IWebhookBacklog
{
    /// <summary>Completes once every event this host stored before the call has been handled (processed, or failed and
    /// left in the inbox for a later attempt). Events stored after the call do not hold it up.</summary>
    Task HandledAsync(CancellationToken cancellationToken);
}
