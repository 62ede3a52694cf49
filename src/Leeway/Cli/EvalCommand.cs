using System.CommandLine;

namespace Leeway.Cli;

internal static class EvalCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Scenario files, or folders searched recursively for *.json", Arity = ArgumentArity.OneOrMore };
        var command = new Command("eval", "Run scenario files through the product, each in a fresh world, and print PASS/FAIL per scenario.")
        {
            paths,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(2));
        return command;
    }
}
