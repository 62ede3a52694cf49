using System.CommandLine;
using System.Data.Common;
using Leeway.Audit;

namespace Leeway.Cli;

internal static class AuditCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The data folder whose leeway.db to check (the one `serve --data` uses)", DefaultValueFactory = _ => "data" };
        var connectionString = new Option<string?>("--connection-string") { Description = "A database connection string instead (Host=… for PostgreSQL, Data Source=… for SQLite)" };
        var checkpointPath = new Option<string?>("--checkpoint") { Description = "The signed checkpoint of the log's head (default: DATA/audit.checkpoint, or Audit:CheckpointPath)" };
        var checkpointKey = new Option<string?>("--checkpoint-key") { Description = "The checkpoint's key file (default: DATA/audit-checkpoint.key, or Audit:CheckpointKeyPath)" };
        var verify = new Command("verify", """
            Walk the audit log's hash chain and hold its head against the signed checkpoint: print OK with the number of
            entries (exit 0), or the first entry that was altered or removed, a wiped log, cut-off newest entries or a
            rewritten chain (exit 1).

            Example: ./leeway audit verify --data data
            """)
        {
            data,
            connectionString,
            checkpointPath,
            checkpointKey,
        };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var cs = parse.GetValue(connectionString);
            var option = "--connection-string";
            if (string.IsNullOrWhiteSpace(cs))
            {
                cs = $"Data Source={Path.Combine(CommandInputs.ExistingDataFolder(parse.GetValue(data)!), "leeway.db")}";
                option = "--data";
            }

            using var database = await CommandInputs.OpenDatabaseAsync(cs, option, cancellationToken);
            AuditVerification result;
            try
            {
                var checkpoint = AuditCheckpoint.InDataFolder(parse.GetValue(data)!, new AuditOptions { CheckpointPath = parse.GetValue(checkpointPath), CheckpointKeyPath = parse.GetValue(checkpointKey) });
                result = await new AuditVerifier(database, checkpoint).VerifyAsync(cancellationToken);
            }
            catch (DbException e)
            {
                // The database answers but is not Leeway's (or predates the audit log).
                throw new BadInputException($"{option} {CommandInputs.Describe(cs)}: no Leeway audit log there ({e.Message.Split('\n', 2)[0].Trim()}); point it at the database a Leeway writes to.");
            }

            Console.WriteLine(result.ToString());
            return result.Intact ? 0 : 1;
        });
        return new Command("audit", """
            Inspect the tamper-evident audit log (every gate decision and action, hash-chained).

            Example: ./leeway audit verify --data data
            """) { verify };
    }
}
