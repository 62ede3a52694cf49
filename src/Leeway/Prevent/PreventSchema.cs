using Leeway.Storage;

namespace Leeway.Prevent;

/// <summary>
/// Tier 0's tables. Every table is keyed so that writing the same thing twice is a no-op: the inbox by Stripe's event id,
/// jobs by a key derived from what they do, nudge slots by (customer, reason, object, channel).
/// Claims (<c>lease_until</c>) let several workers share the tables and let a crashed worker's claim expire.
/// </summary>
internal sealed class PreventSchema : ISchema
{
    public string Capability => "prevent";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS prevent_inbox (
            event_id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            object_id TEXT,
            customer_id TEXT,
            payload TEXT NOT NULL,
            stripe_created BIGINT NOT NULL,
            received_at BIGINT NOT NULL,
            status TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            lease_until BIGINT,
            next_attempt_at BIGINT,
            processed_at BIGINT,
            last_error TEXT
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_prevent_inbox_status ON prevent_inbox (status, next_attempt_at)",
        "CREATE INDEX IF NOT EXISTS ix_prevent_inbox_object ON prevent_inbox (object_id, type)",
        """
        CREATE TABLE IF NOT EXISTS prevent_jobs (
            job_key TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            customer_id TEXT,
            object_id TEXT,
            due_at BIGINT NOT NULL,
            status TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            lease_until BIGINT,
            data TEXT,
            created_at BIGINT NOT NULL,
            finished_at BIGINT,
            outcome TEXT
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_prevent_jobs_due ON prevent_jobs (status, due_at)",
        "CREATE INDEX IF NOT EXISTS ix_prevent_jobs_object ON prevent_jobs (object_id, status)",
        """
        CREATE TABLE IF NOT EXISTS prevent_nudges (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            reason TEXT NOT NULL,
            object_id TEXT NOT NULL,
            link TEXT,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            recipient TEXT,
            state TEXT NOT NULL,
            source TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            lease_until BIGINT,
            next_attempt_at BIGINT,
            created_at BIGINT NOT NULL,
            sent_at BIGINT,
            last_error TEXT
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_prevent_nudges_customer ON prevent_nudges (customer_id, created_at)",
        "CREATE INDEX IF NOT EXISTS ix_prevent_nudges_state ON prevent_nudges (state, next_attempt_at)",
        "CREATE INDEX IF NOT EXISTS ix_prevent_nudges_object ON prevent_nudges (object_id, state)",
        """
        CREATE TABLE IF NOT EXISTS prevent_nudge_slots (
            slot TEXT PRIMARY KEY,
            nudge_id TEXT NOT NULL,
            taken_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS prevent_customers (
            customer_id TEXT PRIMARY KEY,
            first_seen_at BIGINT NOT NULL
        )
        """,
    ];
}
