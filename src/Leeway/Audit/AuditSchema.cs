using Leeway.Storage;

namespace Leeway.Audit;

/// <summary>
/// <c>audit_log</c>: one row per entry, <c>seq</c> the primary key (so two writers can never both append the same place
/// in the chain); <c>audit_head</c>: the last seq and hash, written in the same transaction, so removing the newest
/// entries (which no later entry vouches for) is found too.
/// </summary>
internal sealed class AuditSchema : ISchema
{
    public string Capability => "audit";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS audit_log (
            seq BIGINT NOT NULL PRIMARY KEY,
            at BIGINT NOT NULL,
            actor TEXT NOT NULL,
            principal TEXT NOT NULL,
            customer TEXT NULL,
            action TEXT NOT NULL,
            parameters TEXT NOT NULL,
            rule TEXT NOT NULL,
            decision TEXT NOT NULL,
            idempotency_key TEXT NULL,
            stripe_request_id TEXT NULL,
            outcome TEXT NULL,
            approved_by TEXT NULL,
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_audit_log_customer ON audit_log (customer, seq)",
        "CREATE INDEX IF NOT EXISTS ix_audit_log_idempotency_key ON audit_log (idempotency_key)",
        """
        CREATE TABLE IF NOT EXISTS audit_head (
            id INTEGER NOT NULL PRIMARY KEY,
            seq BIGINT NOT NULL,
            hash TEXT NOT NULL
        )
        """,
    ];
}
