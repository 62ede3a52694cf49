using System.Data.Common;
using Dapper;

namespace Leeway.Storage;

/// <summary>
/// Applies every capability's <see cref="ISchema"/> at start, so a fresh database is ready before the first request.
/// Any number of hosts may start at once on one database: on PostgreSQL the whole migration runs under a session-level
/// advisory lock (<see cref="LockKey"/>), so hosts take turns and each later one finds the tables there (two concurrent
/// <c>CREATE TABLE IF NOT EXISTS</c> of one table otherwise fail on PostgreSQL's catalog unique index). On SQLite the
/// migration runs in one <c>BEGIN IMMEDIATE</c> transaction, which takes the database's write lock for the same effect.
/// Then the <see cref="IDataMigration"/>s not run yet, once each (<c>schema_migrations</c> keeps their names).
/// </summary>
internal sealed class SchemaMigrator(
    Database database, IEnumerable<ISchema> schemas, ILogger<SchemaMigrator> logger, IEnumerable<IDataMigration>? migrations = null, TimeProvider? time = null)
    : IHostedService
{
    /// <summary>The advisory lock's key: a fixed 64-bit number that names "Leeway's schema" on the server (ASCII "LEEWAYSC").</summary>
    public const long LockKey = 0x4C45455741595343;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Dialect == SqlDialect.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: cancellationToken));
            try
            {
                await ApplyAsync(connection, null, cancellationToken);
            }
            finally
            {
                await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
            }

            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ApplyAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AddColumnAsync(DbConnection connection, DbTransaction? transaction, AddedColumn added, CancellationToken cancellationToken)
    {
        if (database.Dialect == SqlDialect.Postgres)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"ALTER TABLE {added.Table} ADD COLUMN IF NOT EXISTS {added.Column} {added.Definition}", transaction: transaction, cancellationToken: cancellationToken));
            return;
        }

        var present = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM pragma_table_info(@Table) WHERE name = @Column", new { added.Table, added.Column }, transaction, cancellationToken: cancellationToken));
        if (present == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                $"ALTER TABLE {added.Table} ADD COLUMN {added.Column} {added.Definition}", transaction: transaction, cancellationToken: cancellationToken));
            logger.LogInformation("Added column {Table}.{Column}", added.Table, added.Column);
        }
    }

    private async Task ApplyAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        foreach (var schema in schemas)
        {
            foreach (var statement in schema.Statements(database.Dialect))
            {
                await connection.ExecuteAsync(new CommandDefinition(statement, transaction: transaction, cancellationToken: cancellationToken));
            }

            foreach (var added in schema.AddedColumns)
            {
                await AddColumnAsync(connection, transaction, added, cancellationToken);
            }

            logger.LogDebug("Schema for {Capability} applied", schema.Capability);
        }

        await MigrateDataAsync(connection, transaction, cancellationToken);
    }

    private async Task MigrateDataAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var pending = (migrations ?? []).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)", transaction: transaction, cancellationToken: cancellationToken));
        foreach (var migration in pending)
        {
            var done = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE name = @Name", new { migration.Name }, transaction, cancellationToken: cancellationToken));
            if (done > 0)
            {
                continue;
            }

            // On SQLite inside the migration's transaction; on PostgreSQL (under the advisory lock) in one of its own, so
            // the rows and the name are recorded together.
            var own = transaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
            try
            {
                var step = transaction ?? own!;
                await migration.ApplyAsync(connection, step, database.Dialect, cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (name, applied_at) VALUES (@Name, @At)",
                    new { migration.Name, At = (time ?? TimeProvider.System).GetUtcNow().ToUnixTimeMilliseconds() },
                    step,
                    cancellationToken: cancellationToken));
                if (own is not null)
                {
                    await own.CommitAsync(cancellationToken);
                }
            }
            finally
            {
                if (own is not null)
                {
                    await own.DisposeAsync();
                }
            }

            logger.LogInformation("Data migration {Migration} applied", migration.Name);
        }
    }
}
