using System.Text.Json.Serialization;

namespace Leeway.Prevent.Webhooks;

/// <summary>The answer to Stripe: the event is stored and <c>queued</c> for handling in the background, or it was a
/// <c>duplicate</c> of one stored before (handled, or being handled).</summary>
internal sealed record WebhookReceipt(
    [property: JsonPropertyName("received")] bool Received,
    [property: JsonPropertyName("event")] string EventId,
    [property: JsonPropertyName("status")] string Status);
