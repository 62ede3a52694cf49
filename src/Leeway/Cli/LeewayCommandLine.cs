using System.CommandLine;
using System.CommandLine.Help;
using Microsoft.Extensions.Options;

namespace Leeway.Cli;

/// <summary>
/// The <c>leeway</c> commands. Each lives in its own file; this is the list, and the conventions they share:
/// results on standard output, logs and errors on standard error; a mistake in the input is one line naming the option
/// and the value and saying how to fix it, exit 2 (<see cref="BadInputException"/>, and the parser's own errors);
/// anything unexpected is one line too (exit 1), with the stack trace under <c>--verbose</c>. Each command's help ends
/// with an example that works when pasted in the repository's folder.
/// </summary>
internal static class LeewayCommandLine
{
    public const int BadInput = 2;

    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("""
            Leeway: automated billing support. Prevents what it can (Tier 0), lets customers fix their own billing (Tier 1),
            lets Agent Lee act within policy (Tier 2), and hands humans the rest with full context (Tier 3).

            Start here (in the repository's folder):
              ./leeway serve                           the product with a demo world; open the address it prints
              ./leeway eval ../shared/scenarios/dev    run scenario files through the product and score it
              ./leeway COMMAND --help                  what a command does, with an example to paste

            Deploy on your own Stripe account (docs/deploy.md): set Billing__ApiKey, `./leeway stripe connect --url …`, store
            the secret it prints as Billing__WebhookSecret, `./leeway doctor`, then `./leeway serve`.
            """);
        root.Options.Add(CommandLogging.Verbose);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(StripeCommand.Create());
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(BacklogCommand.Create());
        root.Subcommands.Add(ClassifyCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(StaffCommand.Create());
        CommandHelp.ListSummaries(root);

        var parse = root.Parse(args);
        // Subcommands are hidden from the parser's list (their parent's description lists them); the one asked about
        // must not be, or its own --help prints nothing.
        parse.CommandResult.Command.Hidden = false;
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            var command = CommandPath(parse);
            await Console.Error.WriteLineAsync($"{command}: {string.Join(' ', parse.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1).First().Message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))} Run `./{command} --help` for the options and an example.");
            return BadInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (BadInputException e)
        {
            await Console.Error.WriteLineAsync($"{CommandPath(parse)}: {e.Message}");
            return BadInput;
        }
        catch (OptionsValidationException e)
        {
            // Configuration (appsettings.json, environment variables such as Cost__Human) the host refused at start.
            await Console.Error.WriteLineAsync($"{CommandPath(parse)}: configuration: {string.Join("; ", e.Failures)} (fix the setting, or unset it to use the default).");
            return BadInput;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync(CommandLogging.IsVerbose(parse)
                ? $"{CommandPath(parse)}: unexpected error: {e}"
                : $"{CommandPath(parse)}: unexpected error: {e.GetType().Name}: {e.Message.Split('\n', 2)[0].Trim()} (run again with --verbose for the details)");
            return 1;
        }
    }

    /// <summary>"leeway backlog rank": the command the user ran, as they would type it.</summary>
    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Add(result.Command is RootCommand ? "leeway" : result.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
