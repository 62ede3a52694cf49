using System.Text.Json.Serialization;

namespace Leeway.Humans;

/// <summary>
/// What a customer sees of their own case: its state and the conversation, staff replies included. Never the internal
/// parts (risk, summary, diagnosis details, policy rules, the staff resolution note that feeds knowledge) nor staff ids.
/// </summary>
internal sealed record CustomerCase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("closed_at")] DateTimeOffset? ClosedAt,
    [property: JsonPropertyName("messages")] IReadOnlyList<CustomerCaseMessage> Messages);

/// <summary>One line of the conversation. <c>from</c>: <c>customer</c>, <c>lee</c>, <c>staff</c> (with the person's name) or <c>system</c>.</summary>
internal sealed record CustomerCaseMessage(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("at")] DateTimeOffset At);
