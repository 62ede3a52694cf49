using System.CommandLine;
using Leeway.Audit;
using Leeway.Storage;

namespace Leeway.Cli;

internal static class AuditCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The data folder whose leeway.db to check", DefaultValueFactory = _ => "data" };
        var connectionString = new Option<string?>("--connection-string") { Description = "A database connection string instead (Host=… for PostgreSQL, Data Source=… for SQLite)" };
        var verify = new Command("verify", "Walk the hash chain; print OK with the count, or the first entry that was altered or removed (exit 1).")
        {
            data,
            connectionString,
        };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var cs = parse.GetValue(connectionString);
            if (string.IsNullOrWhiteSpace(cs))
            {
                var path = Path.Combine(parse.GetValue(data)!, "leeway.db");
                if (!File.Exists(path))
                {
                    Console.Error.WriteLine($"no database at {path} (use --data DIR or --connection-string CS)");
                    return 2;
                }

                cs = $"Data Source={path}";
            }

            using var database = new Database(cs);
            var result = await new AuditVerifier(database).VerifyAsync(cancellationToken);
            Console.WriteLine(result.ToString());
            return result.Intact ? 0 : 1;
        });
        return new Command("audit", "Inspect the tamper-evident audit log.") { verify };
    }
}
