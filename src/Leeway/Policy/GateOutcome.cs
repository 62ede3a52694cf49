using System.Text.Json.Serialization;
using Leeway.Policy.Actions;

namespace Leeway.Policy;

/// <summary>
/// What the gate decided and, when it allowed the action, what Stripe did.
/// A denial names the rule and the numbers, and routes to a human (<see cref="HumanCanGrant"/>).
/// <see cref="Replayed"/>: the same decision had already been acted on, and this is its recorded result (nothing was done twice).
/// </summary>
internal sealed record GateOutcome(
    [property: JsonPropertyName("action")] ActionType Action,
    [property: JsonPropertyName("allowed")] bool Allowed,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("succeeded")] bool Succeeded,
    [property: JsonPropertyName("human_can_grant")] bool HumanCanGrant,
    [property: JsonPropertyName("result")] ActionResult? Result,
    [property: JsonPropertyName("audit_entry")] long? AuditEntryId,
    [property: JsonPropertyName("replayed")] bool Replayed = false);

/// <summary>What Stripe's resulting state says: the object acted on or created, its status, and any link to hand over.</summary>
internal sealed record ActionResult(
    [property: JsonPropertyName("object_id")] string ObjectId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("amount")] long? Amount,
    [property: JsonPropertyName("currency")] string? Currency,
    [property: JsonPropertyName("stripe_request_id")] string? StripeRequestId,
    [property: JsonPropertyName("error")] string? Error);
