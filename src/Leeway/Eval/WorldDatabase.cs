using Npgsql;

namespace Leeway.Eval;

/// <summary>
/// A scenario world's own database: a SQLite file in the world's folder, or, given a PostgreSQL server
/// (<c>leeway eval --postgres</c>), a fresh database on it created for the world and dropped with it.
/// </summary>
internal sealed class WorldDatabase : IAsyncDisposable
{
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private WorldDatabase(string connectionString, string? postgresAdmin, string? postgresName)
    {
        ConnectionString = connectionString;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    /// <summary>What the product's <c>Storage:ConnectionString</c> is set to.</summary>
    public string ConnectionString { get; }

    /// <param name="postgresAdmin">A connection string to a PostgreSQL server on which this user may CREATE DATABASE; null for SQLite.</param>
    public static async Task<WorldDatabase> CreateAsync(string directory, string? postgresAdmin, CancellationToken ct)
    {
        if (postgresAdmin is null)
        {
            return new WorldDatabase($"Data Source={Path.Combine(directory, "leeway.db")}", null, null);
        }

        // The name is generated here (lowercase hex), never taken from input, so it is safe to splice into DDL.
        var name = "leeway_eval_" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8)).ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(postgresAdmin))
        {
            await connection.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync(ct);
        }

        var builder = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = name };
        return new WorldDatabase(builder.ConnectionString, postgresAdmin, name);
    }

    /// <summary>Checks that the server answers and lets this user create databases, with a message saying how to fix it.</summary>
    public static async Task<string?> ProblemWithAsync(string postgresAdmin, CancellationToken ct)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(postgresAdmin);
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            await using var check = new NpgsqlCommand("SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user", connection);
            return await check.ExecuteScalarAsync(ct) is true
                ? null
                : $"--postgres: user '{builder.Username}' may not create databases; each world needs its own (GRANT CREATEDB or use a superuser)";
        }
        catch (Exception e) when (e is ArgumentException or NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return $"--postgres: cannot use '{postgresAdmin}': {e.Message} (expected Npgsql syntax, e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres)";
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return;
        }

        await using var connection = new NpgsqlConnection(_postgresAdmin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
