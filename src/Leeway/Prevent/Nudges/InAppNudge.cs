using System.Text.Json.Serialization;
using Leeway.Diagnostics;

namespace Leeway.Prevent.Nudges;

/// <summary>A nudge as the dashboard shows it: what is wrong, in words, and the one link that fixes it.</summary>
internal sealed record InAppNudge(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("reason")] RootCause Reason,
    [property: JsonPropertyName("object")] string ObjectId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("link")] string? Link,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt)
{
    internal static InAppNudge From(StoredNudge stored) => new(
        stored.Nudge.Id,
        stored.Nudge.Reason,
        stored.Nudge.ObjectId,
        stored.Subject,
        stored.Body,
        stored.Nudge.Link,
        stored.Nudge.State,
        stored.Nudge.CreatedAt);
}

/// <summary>The body of <c>GET /api/v1/me/nudges</c>.</summary>
internal sealed record InAppNudgeList([property: JsonPropertyName("data")] IReadOnlyList<InAppNudge> Data);
