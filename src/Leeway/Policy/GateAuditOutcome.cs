using System.Text.Json.Serialization;

namespace Leeway.Policy;

/// <summary>The <c>outcome</c> JSON of a gate audit entry: the decision's message and, when it acted, Stripe's confirmed result.</summary>
internal sealed record GateAuditOutcome(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("succeeded")] bool Succeeded,
    [property: JsonPropertyName("human_can_grant")] bool HumanCanGrant,
    [property: JsonPropertyName("waived")] IReadOnlyList<string> Waived,
    [property: JsonPropertyName("amount")] long? Amount,
    [property: JsonPropertyName("currency")] string? Currency,
    [property: JsonPropertyName("result")] ActionResult? Result,
    [property: JsonPropertyName("stripe_replayed")] bool StripeReplayed = false,
    [property: JsonPropertyName("replay_of")] long? ReplayOf = null);
