using Leeway.Storage;

namespace Leeway.Policy;

/// <summary>
/// <c>gate_actions</c>: the gate's typed record, one row per decision (<see cref="GateActionRecord"/>), keyed by its id;
/// a pending row becomes its final row in place. The action's parameters are its canonical JSON (the same text the
/// audit entry holds), read back into the typed action.
/// </summary>
internal sealed class PolicySchema : ISchema
{
    public string Capability => "policy";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS gate_actions (
            id TEXT PRIMARY KEY,
            at BIGINT NOT NULL,
            actor TEXT NOT NULL,
            principal TEXT NOT NULL,
            customer_id TEXT NULL,
            action TEXT NOT NULL,
            parameters TEXT NOT NULL,
            decision TEXT NOT NULL,
            rule TEXT NOT NULL,
            message TEXT NOT NULL,
            succeeded BIGINT NOT NULL,
            amount BIGINT NULL,
            currency TEXT NULL,
            result_object_id TEXT NULL,
            result_status TEXT NULL,
            idempotency_key TEXT NOT NULL,
            decision_key TEXT NOT NULL,
            approved_by TEXT NULL,
            audit_seq BIGINT NULL,
            replay_of BIGINT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_gate_actions_customer ON gate_actions (customer_id, at)",
        "CREATE INDEX IF NOT EXISTS ix_gate_actions_audit_seq ON gate_actions (audit_seq)",
    ];
}
