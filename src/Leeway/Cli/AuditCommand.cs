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
        var verify = new Command("verify", """
            Walk the audit log's hash chain: print OK with the number of entries (exit 0), or the first entry that was
            altered or removed (exit 1).

            Example: ./leeway audit verify --data data
            """)
        {
            data,
            connectionString,
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
                result = await new AuditVerifier(database).VerifyAsync(cancellationToken);
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
