using System.Text.Json.Serialization;

namespace Leeway.Routing.Outbound;

/// <summary>One row of the delivery log: an event for one destination and how its delivery went.</summary>
internal sealed record OutboundDelivery(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("destination")] string Destination,
    [property: JsonPropertyName("event_id")] string EventId,
    [property: JsonPropertyName("event_type")] string EventType,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("next_attempt_at")] DateTimeOffset? NextAttemptAt,
    [property: JsonPropertyName("last_status")] int? LastStatus,
    [property: JsonPropertyName("last_error")] string? LastError,
    [property: JsonPropertyName("delivered_at")] DateTimeOffset? DeliveredAt);

/// <summary>Where a delivery stands.</summary>
internal static class OutboundDeliveryStatus
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Failed = "failed";
}
