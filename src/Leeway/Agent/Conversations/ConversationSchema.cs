using Leeway.Storage;

namespace Leeway.Agent.Conversations;

internal sealed class ConversationSchema : ISchema
{
    public string Capability => "Agent";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS conversations (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            state TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            clarifications BIGINT NOT NULL DEFAULT 0,
            case_id TEXT NULL,
            pending_offer TEXT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_conversations_customer ON conversations (customer_id)",
        """
        CREATE TABLE IF NOT EXISTS conversation_messages (
            conversation_id TEXT NOT NULL,
            seq BIGINT NOT NULL,
            sender TEXT NOT NULL,
            text TEXT NOT NULL,
            at BIGINT NOT NULL,
            intent TEXT NULL,
            confidence DOUBLE PRECISION NULL,
            PRIMARY KEY (conversation_id, seq)
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS conversation_actions (
            conversation_id TEXT NOT NULL,
            turn BIGINT NOT NULL,
            at BIGINT NOT NULL,
            outcome TEXT NOT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_conversation_actions ON conversation_actions (conversation_id)",
    ];
}
