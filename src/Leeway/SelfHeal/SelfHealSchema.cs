using Leeway.Storage;

namespace Leeway.SelfHeal;

/// <summary>
/// Clicks on the customer's page, keyed by the click id the page rendered (so a double click acts once), with what the
/// click did; and the conversation the page's chat holds with Lee, one per customer.
/// </summary>
internal sealed class SelfHealSchema : ISchema
{
    public string Capability => "SelfHeal";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS selfheal_clicks (
            click_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            at BIGINT NOT NULL,
            done BIGINT NOT NULL DEFAULT 0,
            outcome TEXT NULL,
            case_id TEXT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_selfheal_clicks_customer ON selfheal_clicks (customer_id, at)",
        """
        CREATE TABLE IF NOT EXISTS selfheal_chats (
            customer_id TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL
        )
        """,
    ];
}
