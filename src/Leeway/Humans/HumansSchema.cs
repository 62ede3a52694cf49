using Leeway.Storage;

namespace Leeway.Humans;

/// <summary>
/// Cases (the handoff packet as JSON, a revision counting its changes), their timeline, and staff accounts.
/// At most one open case per customer and conversation: a second escalation of the same conversation updates the first.
/// At most one open case per customer and problem (<see cref="CaseProblem"/>): <c>case_problems</c> holds a row per open
/// case, keyed by customer and problem, written in the case's insert transaction and deleted when the case closes.
/// </summary>
internal sealed class HumansSchema : ISchema
{
    public string Capability => "humans";

    public IEnumerable<string> Statements(SqlDialect dialect) =>
    [
        """
        CREATE TABLE IF NOT EXISTS cases (
            id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            conversation_id TEXT NULL,
            reason TEXT NOT NULL,
            source TEXT NOT NULL,
            status TEXT NOT NULL,
            risk TEXT NOT NULL,
            risk_rank BIGINT NOT NULL,
            created_at BIGINT NOT NULL,
            closed_at BIGINT NULL,
            closed_by TEXT NULL,
            resolution TEXT NULL,
            article_id TEXT NULL,
            packet TEXT NOT NULL,
            revision BIGINT NOT NULL,
            assignee TEXT NULL,
            hold TEXT NULL,
            customer_name TEXT NULL,
            customer_email TEXT NULL
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_cases_customer ON cases (customer_id, created_at)",
        "CREATE INDEX IF NOT EXISTS ix_cases_status ON cases (status, created_at)",
        """
        CREATE UNIQUE INDEX IF NOT EXISTS ux_cases_open_conversation ON cases (customer_id, conversation_id)
        WHERE status = 'open' AND conversation_id IS NOT NULL
        """,
        """
        CREATE TABLE IF NOT EXISTS case_problems (
            customer_id TEXT NOT NULL,
            problem TEXT NOT NULL,
            case_id TEXT NOT NULL,
            PRIMARY KEY (customer_id, problem)
        )
        """,
        "CREATE INDEX IF NOT EXISTS ix_case_problems_case ON case_problems (case_id)",
        dialect == SqlDialect.Postgres
            ? """
              CREATE TABLE IF NOT EXISTS case_events (
                  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                  case_id TEXT NOT NULL,
                  at BIGINT NOT NULL,
                  actor TEXT NOT NULL,
                  kind TEXT NOT NULL,
                  detail TEXT NULL
              )
              """
            : """
              CREATE TABLE IF NOT EXISTS case_events (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  case_id TEXT NOT NULL,
                  at BIGINT NOT NULL,
                  actor TEXT NOT NULL,
                  kind TEXT NOT NULL,
                  detail TEXT NULL
              )
              """,
        "CREATE INDEX IF NOT EXISTS ix_case_events_case ON case_events (case_id, id)",
        """
        CREATE TABLE IF NOT EXISTS staff (
            id TEXT PRIMARY KEY,
            email TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            role TEXT NOT NULL,
            created_at BIGINT NOT NULL
        )
        """,
        // A table of its own rather than a column on staff: CREATE TABLE IF NOT EXISTS is idempotent on both databases,
        // ALTER TABLE ADD COLUMN is not on SQLite. A row means disabled; enabling deletes it.
        """
        CREATE TABLE IF NOT EXISTS staff_disabled (
            staff_id TEXT PRIMARY KEY,
            disabled_at BIGINT NOT NULL
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS staff_sign_in_failures (
            email TEXT PRIMARY KEY,
            failures BIGINT NOT NULL,
            first_at BIGINT NOT NULL,
            locked_until BIGINT NULL
        )
        """,
    ];

    /// <summary>
    /// Since the console's queue work (issue 17): who has the case, why an open case waits (<see cref="CaseStatus.WaitingOnCustomer"/>
    /// or <see cref="CaseStatus.OnHold"/>, null while it is the team's turn), and the customer's name and e-mail as Stripe
    /// knows them (filled when the queue first shows the case), so the queue can show and search them.
    /// </summary>
    public IEnumerable<AddedColumn> AddedColumns =>
    [
        new("cases", "assignee", "TEXT NULL"),
        new("cases", "hold", "TEXT NULL"),
        new("cases", "customer_name", "TEXT NULL"),
        new("cases", "customer_email", "TEXT NULL"),
    ];
}
