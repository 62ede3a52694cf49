using Leeway.Storage;

namespace Leeway.Observability;

internal sealed class ContactSchema : ISchema
{
    // The key its migrations are recorded under, kept when the log moved here from Routing.
    public string Capability => "Routing";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS contacts (
            id TEXT PRIMARY KEY,
            channel TEXT NOT NULL,
            customer_id TEXT NULL,
            authenticated BIGINT NOT NULL,
            plan TEXT NOT NULL,
            risk TEXT NOT NULL,
            intent TEXT NOT NULL,
            confidence DOUBLE PRECISION NOT NULL,
            tier BIGINT NOT NULL,
            rule TEXT NOT NULL,
            reason TEXT NOT NULL,
            tier1_first BIGINT NOT NULL,
            human_reachable BIGINT NOT NULL,
            decided_at BIGINT NOT NULL,
            conversation_id TEXT NULL,
            case_id TEXT NULL,
            outcome TEXT NULL,
            finished_tier BIGINT NULL,
            outcome_at BIGINT NULL,
            effort_score BIGINT NULL,
            surveyed_at BIGINT NULL,
            replies BIGINT NOT NULL DEFAULT 0,
            reply_ms_total BIGINT NOT NULL DEFAULT 0,
            reply_ms_max BIGINT NOT NULL DEFAULT 0
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_contacts_decided_at ON contacts (decided_at)",
        "CREATE INDEX IF NOT EXISTS ix_contacts_conversation ON contacts (conversation_id)",
        "CREATE INDEX IF NOT EXISTS ix_contacts_case ON contacts (case_id)",
        "CREATE INDEX IF NOT EXISTS ix_contacts_customer ON contacts (customer_id, channel, decided_at)",
        """
        CREATE TABLE IF NOT EXISTS recoveries (
            object_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            amount BIGINT NOT NULL,
            currency TEXT NOT NULL,
            via TEXT NOT NULL,
            recovered_at BIGINT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_recoveries_recovered_at ON recoveries (recovered_at)",
    ];
}
