using System.Text.Json.Serialization;

namespace Leeway.Audit;

/// <summary>One entry of the hash-chained audit log: the record, its place in the chain and its hash.</summary>
internal sealed record AuditEntry(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("principal")] string Principal,
    [property: JsonPropertyName("customer")] string? Customer,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("parameters")] string Parameters,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("idempotency_key")] string? IdempotencyKey,
    [property: JsonPropertyName("stripe_request_id")] string? StripeRequestId,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("approved_by")] string? ApprovedBy,
    [property: JsonPropertyName("prev_hash")] string PrevHash,
    [property: JsonPropertyName("hash")] string Hash);
