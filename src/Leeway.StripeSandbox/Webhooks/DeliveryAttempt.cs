namespace Leeway.StripeSandbox.Webhooks;

/// <summary>One POST of an event to an endpoint: when (sandbox clock), the HTTP status (null: no answer) and why it failed.</summary>
internal sealed record DeliveryAttempt(long Time, int? Status, string? Error);
