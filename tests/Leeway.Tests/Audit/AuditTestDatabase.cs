using Dapper;
using Leeway.Audit;
using Leeway.Storage;
using Microsoft.Data.Sqlite;

namespace Leeway.Tests.Audit;

/// <summary>A real SQLite file in a temp folder with the audit tables, deleted afterwards.</summary>
internal sealed class AuditTestDatabase : IDisposable
{
    private AuditTestDatabase(string directory)
    {
        Directory = directory;
        Path = System.IO.Path.Combine(directory, "leeway.db");
        ConnectionString = $"Data Source={Path}";
        Database = new Database(ConnectionString);
    }

    public string Directory { get; }

    public string Path { get; }

    public string ConnectionString { get; }

    public Database Database { get; }

    public static async Task<AuditTestDatabase> CreateAsync()
    {
        var directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "leeway-tests", "audit-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        var db = new AuditTestDatabase(directory);
        await using var connection = await db.Database.OpenAsync();
        foreach (var statement in new AuditSchema().Statements(db.Database.Dialect))
        {
            await connection.ExecuteAsync(statement);
        }

        return db;
    }

    public SqlAuditLog Log(TimeProvider? time = null) => new(Database, time ?? TimeProvider.System);

    public async Task ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await Database.OpenAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    public void Dispose()
    {
        Database.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
