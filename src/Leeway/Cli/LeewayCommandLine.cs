using System.CommandLine;

namespace Leeway.Cli;

/// <summary>The <c>leeway</c> commands. Each lives in its own file; this is the list.</summary>
public static class LeewayCommandLine
{
    public static async Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand("""
            Leeway: automated billing support. Prevents what it can (Tier 0), lets customers fix their own billing (Tier 1),
            lets Agent Lee act within policy (Tier 2), and hands humans the rest with full context (Tier 3).

            Start here:  leeway serve                     the product on its embedded defaults, with a demo world
                         leeway eval ../shared/scenarios  run scenario files through the product and score it
            """);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(SandboxCommand.Create());
        root.Subcommands.Add(TokenCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(BacklogCommand.Create());
        root.Subcommands.Add(ClassifyCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }
}
