using System.Text.Json.Serialization;

namespace Leeway.Prevent;

/// <summary>The answer to Stripe: the event is stored (and <c>processed</c>, or <c>queued</c> to be tried again),
/// or it was a <c>duplicate</c> of one stored before.</summary>
public sealed record WebhookReceipt(
    [property: JsonPropertyName("received")] bool Received,
    [property: JsonPropertyName("event")] string EventId,
    [property: JsonPropertyName("status")] string Status);
