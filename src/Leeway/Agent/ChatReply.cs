using System.Text.Json.Serialization;
using Leeway.Policy;
using Leeway.Policy.Actions;

namespace Leeway.Agent;

/// <summary>Lee's answer to one customer message: the reply, any links issued, and where the conversation stands.</summary>
internal sealed record ChatReply(
    [property: JsonPropertyName("conversation_id")] string ConversationId,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("reply")] string Reply,
    [property: JsonPropertyName("links")] IReadOnlyList<IssuedLink> Links,
    [property: JsonPropertyName("case_id")] string? CaseId,
    [property: JsonPropertyName("turn")] int Turn);

/// <summary>A self-serve link Stripe issued for this customer in this conversation.</summary>
internal sealed record IssuedLink(
    [property: JsonPropertyName("kind")] ActionType Kind,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("object")] string ObjectId);

/// <summary>The states a conversation can be in. Every state but <see cref="Open"/> is an outcome.</summary>
internal static class ConversationState
{
    public const string Open = "open";
    public const string Resolved = "resolved";
    public const string SelfServe = "self_serve";
    public const string Answered = "answered";
    public const string Escalated = "escalated";
}
