using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leeway.Storage;

/// <summary>Opens connections to the one database this host uses (SQLite or PostgreSQL). Use Dapper on the connection.</summary>
internal sealed class Database : IDisposable
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string _sqliteConnectionString = "";
    private readonly string? _sqliteFolder;

    public Database(string connectionString)
    {
        if (connectionString.StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
            || connectionString.StartsWith("Server=", StringComparison.OrdinalIgnoreCase)
            || connectionString.StartsWith("postgres", StringComparison.OrdinalIgnoreCase))
        {
            Dialect = SqlDialect.Postgres;
            _postgres = NpgsqlDataSource.Create(connectionString);
        }
        else
        {
            Dialect = SqlDialect.Sqlite;
            var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true, DefaultTimeout = 30 };
            _sqliteConnectionString = builder.ToString();
            var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
            _sqliteFolder = inMemory ? null : Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        }
    }

    public SqlDialect Dialect { get; }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        // The folder is made on first use, not when the host is built: a command that only checks its --data folder
        // (and refuses a wrong one) must leave no empty folder behind.
        if (_sqliteFolder is not null)
        {
            Directory.CreateDirectory(_sqliteFolder);
        }

        var connection = new SqliteConnection(_sqliteConnectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL lets readers and one writer work at once; busy_timeout waits instead of failing under contention.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    public void Dispose() => _postgres?.Dispose();
}
