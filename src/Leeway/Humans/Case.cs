using System.Text.Json.Serialization;
using Leeway.Diagnostics;
using Leeway.Policy;

namespace Leeway.Humans;

/// <summary>A Tier 3 case: a human takes it with the full context, and the customer never starts over.</summary>
internal sealed record Case(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("customer")] string CustomerId,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("risk")] string Risk,
    [property: JsonPropertyName("created_at")] DateTimeOffset CreatedAt,
    [property: JsonPropertyName("closed_at")] DateTimeOffset? ClosedAt,
    [property: JsonPropertyName("resolution")] string? Resolution,
    [property: JsonPropertyName("packet")] HandoffPacket Packet,
    [property: JsonPropertyName("assignee")] string? Assignee = null,
    [property: JsonPropertyName("hold")] string? Hold = null,
    [property: JsonPropertyName("customer_name")] string? CustomerName = null,
    [property: JsonPropertyName("customer_email")] string? CustomerEmail = null)
{
    /// <summary>What a person sees: closed, else the reason it waits, else open.</summary>
    [JsonPropertyName("state")]
    public string State => Status == CaseStatus.Closed ? CaseStatus.Closed : Hold ?? Status;
}

/// <summary>Everything a human needs: the conversation, the diagnosis, and every action tried with its policy decision.</summary>
internal sealed record HandoffPacket(
    [property: JsonPropertyName("conversation_id")] string? ConversationId,
    [property: JsonPropertyName("transcript")] IReadOnlyList<TranscriptLine> Transcript,
    [property: JsonPropertyName("diagnosis")] Diagnosis? Diagnosis,
    [property: JsonPropertyName("actions")] IReadOnlyList<GateOutcome> ActionsAttempted,
    [property: JsonPropertyName("summary")] string Summary);

internal sealed record TranscriptLine(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("at")] DateTimeOffset At);
