using System.Data.Common;
using System.Net.Sockets;
using Leeway.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leeway.Cli;

/// <summary>
/// The checks every command makes on what it was given, before it does anything: a wrong folder, file, port, URL or
/// connection string stops the command with a <see cref="BadInputException"/> that names the option and the value and
/// says how to fix it. Nothing is created on the way (a wrong <c>--data</c> never becomes a new, empty data folder).
/// </summary>
internal static class CommandInputs
{
    private const string DataHint = "pass the folder `./leeway serve --data DIR` keeps its data in (default: data, in the folder serve ran from); `./leeway serve` creates it on its first start";

    /// <summary>The data folder of a Leeway that has run: it exists and holds <paramref name="file"/>.</summary>
    public static string ExistingDataFolder(string folder, string file = "leeway.db")
    {
        if (File.Exists(folder))
        {
            throw new BadInputException($"--data {folder}: that is a file, not a folder; {DataHint}.");
        }

        if (!Directory.Exists(folder))
        {
            throw new BadInputException($"--data {folder}: no such folder; {DataHint}.");
        }

        if (!File.Exists(Path.Combine(folder, file)))
        {
            throw new BadInputException($"--data {folder}: no Leeway data there ({file} is missing); {DataHint}.");
        }

        return folder;
    }

    /// <summary>A folder <c>serve</c> may keep its data in: an existing folder, or one it can create.</summary>
    public static string DataFolderToUse(string folder)
    {
        if (File.Exists(folder))
        {
            throw new BadInputException($"--data {folder}: that is a file, not a folder; pass a folder (it is created if missing), e.g. --data data.");
        }

        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException($"--data {folder}: cannot write there ({e.Message}); pass a folder you can write to, e.g. --data data.");
        }
    }

    /// <summary>A file to read: it exists.</summary>
    public static string InputFile(string path, string name)
    {
        if (Directory.Exists(path))
        {
            throw new BadInputException($"{name} {path}: that is a folder; pass a file.");
        }

        if (!File.Exists(path))
        {
            throw new BadInputException($"{name} {path}: no such file (looked in {Path.GetDirectoryName(Path.GetFullPath(path))}); check the path.");
        }

        return path;
    }

    /// <summary>A file to write: its folder exists and it is not a folder itself.</summary>
    public static string OutputFile(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new BadInputException($"{option}: empty; pass a file name, e.g. {option} out.csv.");
        }

        if (Directory.Exists(path))
        {
            throw new BadInputException($"{option} {path}: that is a folder; pass a file name, e.g. {option} {Path.Combine(path, "out" + Path.GetExtension(option == "--chart" ? "x.html" : "x.csv"))}.");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder))
        {
            throw new BadInputException($"{option} {path}: the folder {folder} does not exist; create it first (mkdir -p {folder}) or write somewhere else.");
        }

        return path;
    }

    /// <summary>A test-mode secret or restricted key (the sandbox takes no live key), or null when none was given.</summary>
    public static string? TestSecretKey(string? key, string option)
    {
        if (key is null)
        {
            return null;
        }

        if (!key.StartsWith("sk_test_", StringComparison.Ordinal) && !key.StartsWith("rk_test_", StringComparison.Ordinal) || key.Length < 12 || key.Any(char.IsWhiteSpace))
        {
            throw new BadInputException($"{option} {(key.Length > 8 ? key[..8] + "…" : key)}: not a test-mode secret key; pass one that starts with sk_test_ (or rk_test_), e.g. {option} sk_test_deploy_check.");
        }

        return key;
    }

    /// <summary>A TCP port to listen on.</summary>
    public static int Port(int port, string option)
    {
        if (port is < 1 or > 65_535)
        {
            throw new BadInputException($"{option} {port}: not a port; pass a number from 1 to 65535, e.g. {option} 12111.");
        }

        return port;
    }

    /// <summary>Where to listen: one or more absolute http(s) URLs separated by ';', each with a valid port.</summary>
    public static string Urls(string urls, string option)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).DefaultIfEmpty(""))
        {
            // Kestrel's own forms: http://*:5080 and http://+:5080 listen on every address. Uri refuses ports over 65535.
            var parsable = url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
            if (!Uri.TryCreate(parsable, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
            {
                throw new BadInputException($"{option} {urls}: '{url}' is not a URL to listen on; pass one like http://127.0.0.1:5080 (port 1 to 65535).");
            }
        }

        return urls;
    }

    /// <summary>
    /// Each address in <paramref name="urls"/> is free to listen on, tried before any server starts (so a taken port is
    /// one line, not a host that fails half-started). Names other than localhost are left to the server.
    /// </summary>
    public static void FreeToListen(string urls, string option, string instead)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var uri = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal));
            var address = uri.Host == "localhost" ? System.Net.IPAddress.Loopback : System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) ? ip : null;
            if (address is null || uri.Port == 0)
            {
                continue;
            }

            var listener = new TcpListener(address, uri.Port);
            try
            {
                listener.Start();
            }
            catch (SocketException e)
            {
                throw new BadInputException($"{option} {url}: cannot listen there ({e.Message}); stop what is using it (another leeway?) or pick another, e.g. {instead}.");
            }
            finally
            {
                listener.Stop();
                listener.Dispose();
            }
        }
    }

    /// <summary>A database to read: an SQLite file that exists, or a PostgreSQL server that answers.</summary>
    public static async Task<Database> OpenDatabaseAsync(string connectionString, string option, CancellationToken ct)
    {
        Database database;
        try
        {
            database = new Database(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new BadInputException($"{option}: not a connection string ({e.Message}); pass Host=HOST;Port=5432;Database=DB;Username=USER;Password=… for PostgreSQL or Data Source=PATH for SQLite.");
        }

        if (database.Dialect == SqlDialect.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (!File.Exists(file))
            {
                database.Dispose();
                throw new BadInputException($"{option}: no SQLite database at {file}; check the path (a Leeway data folder holds leeway.db).");
            }
        }

        try
        {
            await using var connection = await database.OpenAsync(ct);
            return database;
        }
        catch (Exception e) when (e is DbException or SocketException or TimeoutException or InvalidOperationException)
        {
            database.Dispose();
            throw new BadInputException($"{option} {Describe(connectionString)}: cannot open the database ({FirstLine(e.Message)}); check the host, port, database name and credentials, and that the server is running.");
        }
    }

    /// <summary>A connection string without its secrets, for messages.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var database = new Database(connectionString);
            database.Dispose();
            if (database.Dialect == SqlDialect.Postgres)
            {
                var builder = new NpgsqlConnectionStringBuilder(connectionString);
                return $"Host={builder.Host};Port={builder.Port};Database={builder.Database}";
            }

            return $"Data Source={new SqliteConnectionStringBuilder(connectionString).DataSource}";
        }
        catch (ArgumentException)
        {
            return "(unreadable connection string)";
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
