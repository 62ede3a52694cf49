namespace Leeway.Tests.Cli;

/// <summary>
/// <c>leeway --help</c> and each command's help: a summary and one example, and the example works when pasted (run
/// here in a folder where <c>serve</c> has run once, <c>./leeway</c> standing for this build).
/// </summary>
public sealed class HelpTests(CliFolder folder) : IClassFixture<CliFolder>
{
    private static readonly string[] CommandNames =
        ["serve", "eval", "sandbox", "token", "report", "report cost", "backlog", "backlog rank", "backlog generate", "classify", "train", "audit", "audit verify", "staff", "staff add", "staff list"];

    public static TheoryData<string> Commands => new(CommandNames);

    /// <summary>Long-running servers (started by their own tests) and whole runs over the corpus or every scenario.</summary>
    private static readonly HashSet<string> NotRunHere = ["serve", "sandbox", "eval", "train"];

    [Fact]
    public async Task The_root_help_lists_every_command_with_its_example()
    {
        var result = await LeewayProcess.RunAsync(folder.Root, "--help");

        Assert.True(result.Exit == 0, result.ToString());
        foreach (var command in CommandNames.Where(c => !c.Contains(' ')))
        {
            // The command list: the name, its summary on the same line, and its example on the next.
            Assert.Matches($"(?m)^ +{command} +\\S.*\\r?\\n +.*\\./leeway {command}\\b", result.Stdout);
        }

        Assert.Equal("", result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Each_command_has_one_example_and_it_works_when_pasted(string command)
    {
        var help = await LeewayProcess.RunAsync(folder.Root, [.. command.Split(' '), "--help"]);

        Assert.True(help.Exit == 0, help.ToString());
        var example = Assert.Single(help.StdoutLines, l => l.TrimStart().StartsWith("Example: ", StringComparison.Ordinal)).Trim()["Example: ".Length..];
        Assert.Contains($"./leeway {command}", example);
        if (NotRunHere.Contains(command))
        {
            return;
        }

        var run = await LeewayProcess.RunShellAsync(folder.Root, example.Replace("../shared", SharedFiles.Root, StringComparison.Ordinal));

        Assert.True(run.Exit == 0, $"{example}\n{run}");
        Assert.NotEqual("", run.Stdout.Trim());
        Assert.DoesNotContain("   at ", run.Stderr);
    }
}
