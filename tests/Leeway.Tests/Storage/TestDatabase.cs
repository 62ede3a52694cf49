using Npgsql;

namespace Leeway.Tests.Storage;

/// <summary>
/// A fresh database for one test: a SQLite file in a temp folder, or a new PostgreSQL database on the server
/// ./test.sh starts (LEEWAY_TEST_POSTGRES). Dropped when disposed.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _postgresName;

    private TestDatabase(string kind, string connectionString, string directory, string? postgresName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        Directory = directory;
        _postgresName = postgresName;
    }

    public string Kind { get; }

    public string ConnectionString { get; }

    /// <summary>A temp data folder for the host (keys, SQLite file).</summary>
    public string Directory { get; }

    public static async Task<TestDatabase> CreateAsync(string kind)
    {
        var directory = Path.Combine(Path.GetTempPath(), "leeway-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (kind == "sqlite")
        {
            return new TestDatabase(kind, $"Data Source={Path.Combine(directory, "leeway.db")}", directory, null);
        }

        var admin = Environment.GetEnvironmentVariable("LEEWAY_TEST_POSTGRES")
            ?? throw new InvalidOperationException("LEEWAY_TEST_POSTGRES is not set: run ./test.sh, which installs and starts PostgreSQL for these tests.");
        var name = "leeway_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name };
        return new TestDatabase(kind, builder.ConnectionString, directory, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("LEEWAY_TEST_POSTGRES"));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
