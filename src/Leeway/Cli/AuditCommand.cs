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
        var checkpointPath = new Option<string?>("--checkpoint") { Description = "The signed checkpoint of the log's head (default: DATA/audit.checkpoint, or Audit:CheckpointPath)" };
        var checkpointKey = new Option<string?>("--checkpoint-key") { Description = "The checkpoint's key file (default: DATA/audit-checkpoint.key, or Audit:CheckpointKeyPath)" };
        var verify = new Command(
            "verify",
            "Walk the hash chain and hold its head against the signed checkpoint; print OK with the count, or the first entry " +
            "that was altered or removed, a wiped log, cut-off newest entries or a rewritten chain (exit 1).")
        {
            data,
            connectionString,
            checkpointPath,
            checkpointKey,
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
            var folder = parse.GetValue(data)!;
            var checkpoint = AuditCheckpoint.InDataFolder(folder, new AuditOptions { CheckpointPath = parse.GetValue(checkpointPath), CheckpointKeyPath = parse.GetValue(checkpointKey) });
            var result = await new AuditVerifier(database, checkpoint).VerifyAsync(cancellationToken);
            Console.WriteLine(result.ToString());
            return result.Intact ? 0 : 1;
        });
        return new Command("audit", "Inspect the tamper-evident audit log.") { verify };
    }
}
