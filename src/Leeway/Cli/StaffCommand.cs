using System.CommandLine;
using System.Security.Cryptography;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Storage;

namespace Leeway.Cli;

/// <summary>
/// <c>leeway staff add|list|disable|enable|reset</c>: local staff accounts in the product database (the embedded
/// default; staff may also sign in through the company's OpenID Connect provider). Passwords are hashed with ASP.NET
/// Core Identity's <c>PasswordHasher</c> and never appear on a command line: read from standard input, or generated
/// and printed once.
/// </summary>
internal static class StaffCommand
{
    private const string Example = "./leeway staff add ana@example.com --name \"Ana Agent\" --role agent --data data";

    public static Command Create()
    {
        var staff = new Command("staff", $"""
            Manage local staff accounts (the console's sign-in): add, list, disable, enable, reset. Roles: agent (reply,
            close, staff actions within the agent limits), lead (also approvals over those limits and knowledge), admin
            (also staff, settings and the operations page). Changes apply at once, also to members already signed in.

            Example: ./leeway staff list --data data
            """)
        {
            Add(),
            List(),
            SetDisabled(disable: true),
            SetDisabled(disable: false),
            Reset(),
        };
        return staff;
    }

    private static Command Add()
    {
        var (data, connectionString) = StorageOptions();
        var email = new Argument<string>("email") { Description = "The member's work email (their sign-in)" };
        var name = new Option<string>("--name") { Description = "The name customers and colleagues see", Required = true };
        var role = new Option<string>("--role") { Description = "agent, lead or admin", DefaultValueFactory = _ => StaffRoles.Agent };
        var command = new Command("add", $"""
            Create a staff account. The password is the first line of standard input when it is redirected, otherwise a
            new one is generated and printed once (give it to the member; `staff reset` replaces it). To sign in with, e.g.:
              printf '%s\n' "$PASSWORD" | ./leeway staff add lea@example.com --name "Lea Lead" --role lead --data data

            Example: {Example}
            """)
        {
            email, name, role, data, connectionString,
        };
        command.SetAction(async (parse, ct) =>
        {
            var roleName = parse.GetValue(role)!;
            if (StaffRoles.Parse(roleName) is null)
            {
                throw new BadInputException($"--role {roleName}: not a role; pass one of {string.Join(", ", StaffRoles.All)}.");
            }

            var (password, generated) = Password();
            await using var app = await OpenAsync(parse, data, connectionString, ct);
            StaffMember member;
            try
            {
                member = await app.Services.GetRequiredService<IStaffDirectory>().CreateAsync(parse.GetValue(email)!, parse.GetValue(name)!, password, roleName, ct);
            }
            catch (ArgumentException e)
            {
                throw new BadInputException(e.ParamName switch
                {
                    "email" => $"{parse.GetValue(email)}: {e.Message.Split(" (Parameter", 2)[0]}",
                    "name" => $"--name: {e.Message.Split(" (Parameter", 2)[0]}",
                    _ => $"standard input: {e.Message.Split(" (Parameter", 2)[0]}",
                });
            }
            catch (InvalidOperationException e)
            {
                throw new BadInputException($"{parse.GetValue(email)}: {e.Message} Use `./leeway staff reset` to give it a new password.");
            }

            Console.WriteLine($"added {member.Email} ({member.Role}), id {member.Id}");
            if (generated)
            {
                Console.WriteLine($"password: {password}");
            }

            return 0;
        });
        return command;
    }

    private static Command List()
    {
        var (data, connectionString) = StorageOptions();
        var command = new Command("list", """
            List staff accounts: email, name, role, whether they are active, and when they were created (UTC).

            Example: ./leeway staff list --data data
            """)
        {
            data, connectionString,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await OpenAsync(parse, data, connectionString, ct);
            var table = new TextTable([new TextColumn("email"), new TextColumn("name"), new TextColumn("role"), new TextColumn("status"), new TextColumn("created (UTC)")]);
            foreach (var member in await app.Services.GetRequiredService<IStaffDirectory>().ListAsync(ct))
            {
                table.AddRow(member.Email, member.Name, member.Role, member.DisabledAt is { } at ? $"disabled {at.UtcDateTime:yyyy-MM-dd HH:mm}" : "active", $"{member.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}");
            }

            Console.Write(table.Render(Console.IsOutputRedirected ? null : Math.Max(20, Console.WindowWidth - 1)));
            return 0;
        });
        return command;
    }

    private static Command SetDisabled(bool disable)
    {
        var (data, connectionString) = StorageOptions();
        var email = new Argument<string>("email") { Description = "The member's email" };
        var command = new Command(disable ? "disable" : "enable", disable
            ? """
              Disable an account: its password stops working and its sessions end at their next request. The account,
              and everything it did, stays (the audit log names it). `staff enable` undoes it.

              Example: ./leeway staff disable ana@example.com --data data
              """
            : """
              Enable a disabled account again (same password as before).

              Example: ./leeway staff enable ana@example.com --data data
              """)
        {
            email, data, connectionString,
        };
        command.SetAction(async (parse, ct) =>
        {
            await using var app = await OpenAsync(parse, data, connectionString, ct);
            var directory = app.Services.GetRequiredService<IStaffDirectory>();
            var member = await FindAsync(directory, parse.GetValue(email)!, ct);
            await directory.SetDisabledAsync(member.Id, disable, ct);
            Console.WriteLine($"{(disable ? "disabled" : "enabled")} {member.Email}");
            return 0;
        });
        return command;
    }

    private static Command Reset()
    {
        var (data, connectionString) = StorageOptions();
        var email = new Argument<string>("email") { Description = "The member's email" };
        var command = new Command("reset", """
            Give an account a new password (the first line of standard input when redirected, otherwise generated and
            printed once). The member's lockout, if any, ends when they next sign in with it.

            Example: ./leeway staff reset ana@example.com --data data
            """)
        {
            email, data, connectionString,
        };
        command.SetAction(async (parse, ct) =>
        {
            var (password, generated) = Password();
            await using var app = await OpenAsync(parse, data, connectionString, ct);
            var directory = app.Services.GetRequiredService<IStaffDirectory>();
            var member = await FindAsync(directory, parse.GetValue(email)!, ct);
            await directory.ResetPasswordAsync(member.Id, password, ct);
            Console.WriteLine($"new password set for {member.Email}");
            if (generated)
            {
                Console.WriteLine($"password: {password}");
            }

            return 0;
        });
        return command;
    }

    private static (Option<string> Data, Option<string?> ConnectionString) StorageOptions() =>
    (
        new Option<string>("--data") { Description = "The data folder whose leeway.db holds the accounts (the one `serve --data` uses)", DefaultValueFactory = _ => "data" },
        new Option<string?>("--connection-string") { Description = "A database connection string instead (Host=… for PostgreSQL, Data Source=… for SQLite)" }
    );

    /// <summary>The product's services over the chosen database, its schema applied (a fresh data folder gets its tables).</summary>
    private static async Task<WebApplication> OpenAsync(ParseResult parse, Option<string> data, Option<string?> connectionString, CancellationToken ct)
    {
        var folder = parse.GetValue(data)!;
        var cs = parse.GetValue(connectionString);
        if (!string.IsNullOrWhiteSpace(cs) && !cs.TrimStart().StartsWith("Data Source=", StringComparison.OrdinalIgnoreCase))
        {
            // A server is checked the way every command checks one, so a typo is one line naming the option. A SQLite
            // file may be new: the first account is often added before the first `serve`.
            using var probe = await CommandInputs.OpenDatabaseAsync(cs, "--connection-string", ct);
        }
        else if (File.Exists(folder))
        {
            throw new BadInputException($"--data {folder}: that is a file, not a folder; pass the folder `./leeway serve --data` uses.");
        }

        Directory.CreateDirectory(folder);
        var app = LeewayApp.Build([], CommandLogging.HostSettings(parse, [new("Storage:DataDirectory", folder), new("Storage:ConnectionString", cs)]));
        await ActivatorUtilities.CreateInstance<SchemaMigrator>(app.Services).StartAsync(ct);
        return app;
    }

    private static async Task<StaffMember> FindAsync(IStaffDirectory directory, string email, CancellationToken ct) =>
        await directory.FindByEmailAsync(email, ct)
        ?? throw new BadInputException($"{email}: no staff account with that email; `./leeway staff list` shows them.");

    /// <summary>The first line of standard input when there is one (never a command-line argument, which other users
    /// of the machine can read), else a generated one (a terminal, or empty input such as &lt;/dev/null).</summary>
    private static (string Password, bool Generated) Password()
    {
        if (Console.IsInputRedirected && Console.In.ReadLine() is { } line)
        {
            line = line.TrimEnd('\r', '\n');
            return StaffDirectory.PasswordProblem(line) is { } problem
                ? throw new BadInputException($"standard input: {problem}")
                : (line, false);
        }

        return (Convert.ToBase64String(RandomNumberGenerator.GetBytes(15)).Replace('+', 'k').Replace('/', 'w'), true);
    }
}
