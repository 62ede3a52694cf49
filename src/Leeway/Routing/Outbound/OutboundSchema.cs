using Leeway.Storage;

namespace Leeway.Routing.Outbound;

/// <summary>
/// The outbox and delivery log in one table: a row per event and destination, unique on both, so two hosts that see
/// the same case event queue one delivery. <c>lease_until</c> lets one host at a time attempt a row.
/// </summary>
internal sealed class OutboundSchema : ISchema
{
    public string Capability => "outbound";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS outbound_deliveries (
            id TEXT PRIMARY KEY,
            destination TEXT NOT NULL,
            event_id TEXT NOT NULL,
            event_type TEXT NOT NULL,
            body TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            next_attempt_at BIGINT NOT NULL,
            lease_until BIGINT NULL,
            last_status BIGINT NULL,
            last_error TEXT NULL,
            delivered_at BIGINT NULL
        )
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS ux_outbound_event ON outbound_deliveries (destination, event_id)",
        "CREATE INDEX IF NOT EXISTS ix_outbound_due ON outbound_deliveries (status, next_attempt_at)",
    ];
}
