using System.Security.Cryptography;
using Leeway.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leeway.Tests.Humans;

/// <summary>
/// A database of the test's own: a SQLite file in a temp folder, or, when <c>LEEWAY_TEST_POSTGRES</c> holds an Npgsql
/// connection string (<c>Host=…;Username=…</c>), a fresh PostgreSQL database created for the test and dropped after it.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "LEEWAY_TEST_POSTGRES";

    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(string directory, string connectionString, string? postgresAdmin, string? postgresName)
    {
        Directory = directory;
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
        Database = new Database(connectionString);
    }

    public string Directory { get; }
    public string ConnectionString { get; }
    public Database Database { get; }

    public static async Task<TestDatabase> CreateAsync(string? directory = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("leeway-test-").FullName;
        var admin = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(admin))
        {
            return new TestDatabase(directory, $"Data Source={Path.Combine(directory, "leeway.db")}", null, null);
        }

        // One database per directory, so a "restart" on the same directory finds the same data.
        var name = "leeway_t_" + Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(directory)))[..16].ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", connection);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        return new TestDatabase(directory, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ToString(), admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        Database.Dispose();
        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the OS cleans the temp folder.
        }
    }
}
