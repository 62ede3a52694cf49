namespace Leeway.Audit;

/// <summary>
/// What to append to the audit log. <see cref="Parameters"/> and <see cref="Outcome"/> are JSON texts, kept byte for byte
/// (the hash covers them as stored).
/// </summary>
/// <param name="Actor"><c>agent-lee</c>, <c>tier0</c>, <c>customer</c> or <c>human:&lt;id&gt;</c>.</param>
/// <param name="Principal">On whose behalf, e.g. <c>customer:cus_123</c> or <c>staff:ana</c>.</param>
/// <param name="Customer">The Stripe customer the entry concerns, when known (what the console filters by).</param>
internal sealed record AuditRecord(
    string Actor,
    string Principal,
    string? Customer,
    string Action,
    string Parameters,
    string Rule,
    string Decision,
    string? IdempotencyKey = null,
    string? StripeRequestId = null,
    string? Outcome = null,
    string? ApprovedBy = null);
