using System.Data.Common;

namespace Leeway.Storage;

/// <summary>
/// A change to the rows already stored (a backfill) that a capability makes once, after every <see cref="ISchema"/> is
/// applied: the migrator runs each one not yet in <c>schema_migrations</c>, under the same lock as the schemas (so of
/// several hosts starting on one database, one runs it), and records its <see cref="Name"/> in the same step. It must be
/// idempotent all the same (a host that stops midway on PostgreSQL runs it again at its next start).
/// </summary>
internal interface IDataMigration
{
    /// <summary>What <c>schema_migrations</c> records it by, e.g. <c>policy.gate_actions_from_audit</c>: never renamed.</summary>
    string Name { get; }

    Task ApplyAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, CancellationToken cancellationToken);
}
