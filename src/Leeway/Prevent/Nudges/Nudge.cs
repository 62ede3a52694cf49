using System.Text.Json.Serialization;
using Leeway.Diagnostics;

namespace Leeway.Prevent.Nudges;

/// <summary>A proactive message to a customer: why (a root cause), about what, the exact fix link, and whether it went out.</summary>
internal sealed record Nudge(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("customer")] string CustomerId,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("reason")] RootCause Reason,
    [property: JsonPropertyName("object")] string ObjectId,
    [property: JsonPropertyName("link")] string? Link,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("sent_at")] DateTimeOffset? SentAt);
