namespace Leeway.Audit;

/// <summary>An <c>audit_log</c> row as Dapper reads it (times are Unix milliseconds in the table).</summary>
internal sealed class AuditRow
{
    public const string Columns =
        "seq AS Seq, at AS At, actor AS Actor, principal AS Principal, customer AS Customer, action AS Action, parameters AS Parameters, " +
        "rule AS Rule, decision AS Decision, idempotency_key AS IdempotencyKey, stripe_request_id AS StripeRequestId, outcome AS Outcome, " +
        "approved_by AS ApprovedBy, prev_hash AS PrevHash, hash AS Hash";

    public long Seq { get; set; }

    public long At { get; set; }

    public string Actor { get; set; } = "";

    public string Principal { get; set; } = "";

    public string? Customer { get; set; }

    public string Action { get; set; } = "";

    public string Parameters { get; set; } = "";

    public string Rule { get; set; } = "";

    public string Decision { get; set; } = "";

    public string? IdempotencyKey { get; set; }

    public string? StripeRequestId { get; set; }

    public string? Outcome { get; set; }

    public string? ApprovedBy { get; set; }

    public string PrevHash { get; set; } = "";

    public string Hash { get; set; } = "";

    public AuditEntry ToEntry() => new(
        Seq, DateTimeOffset.FromUnixTimeMilliseconds(At), Actor, Principal, Customer, Action, Parameters, Rule, Decision,
        IdempotencyKey, StripeRequestId, Outcome, ApprovedBy, PrevHash, Hash);
}
