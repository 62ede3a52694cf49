using System.Text.Json.Serialization;

namespace Leeway.Routing;

/// <summary>One recorded contact: who, how it came in, the routing decision, and how it ended.</summary>
internal sealed record Contact(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("customer")] string? CustomerId,
    [property: JsonPropertyName("authenticated")] bool Authenticated,
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("risk")] string Risk,
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("confidence")] double Confidence,
    [property: JsonPropertyName("decision")] RoutingDecision Decision,
    [property: JsonPropertyName("decided_at")] DateTimeOffset DecidedAt,
    [property: JsonPropertyName("conversation_id")] string? ConversationId,
    [property: JsonPropertyName("case_id")] string? CaseId,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("finished_tier")] int? FinishedTier,
    [property: JsonPropertyName("outcome_at")] DateTimeOffset? OutcomeAt,
    [property: JsonPropertyName("effort_score")] int? EffortScore,
    [property: JsonPropertyName("replies")] long Replies,
    [property: JsonPropertyName("reply_ms_total")] long ReplyMillisecondsTotal,
    [property: JsonPropertyName("reply_ms_max")] long ReplyMillisecondsMax);
