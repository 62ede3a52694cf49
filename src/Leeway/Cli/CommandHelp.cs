using System.CommandLine;
using System.Text;

namespace Leeway.Cli;

/// <summary>
/// How a command's help reads. A description is a one-paragraph summary, then what else a user should know, then one
/// line <c>Example: ./leeway …</c> that works when pasted in the repository's folder. A command's list of
/// subcommands (and <c>leeway --help</c>) shows each one's summary and example only.
/// </summary>
internal static class CommandHelp
{
    private const string ExamplePrefix = "Example: ";

    public static string Summary(Command command) =>
        string.Join(' ', (command.Description ?? "").Split("\n\n", 2)[0].Split('\n', StringSplitOptions.TrimEntries));

    public static string? Example(Command command) =>
        (command.Description ?? "").Split('\n', StringSplitOptions.TrimEntries).LastOrDefault(l => l.StartsWith(ExamplePrefix, StringComparison.Ordinal))?[ExamplePrefix.Length..];

    /// <summary>Every command under the root, the root excluded.</summary>
    public static IEnumerable<Command> All(Command root) => root.Subcommands.SelectMany(c => All(c).Prepend(c));

    /// <summary>
    /// Lists each command's subcommands in its description, by summary and example, in place of the parser's list
    /// (which would repeat every description whole); the subcommands stay hidden from that list but work the same.
    /// </summary>
    public static void ListSummaries(Command command)
    {
        if (command.Subcommands.Count == 0)
        {
            return;
        }

        var prefix = command is RootCommand ? "./leeway" : $"./leeway {string.Join(' ', Path(command))}";
        var width = command.Subcommands.Max(c => c.Name.Length) + 2;
        var list = new StringBuilder($"\n\nCommands ({prefix} COMMAND --help for each):");
        foreach (var sub in command.Subcommands)
        {
            list.Append("\n  ").Append(sub.Name.PadRight(width)).Append(Summary(sub));
            if (Example(sub) is { } example)
            {
                list.Append("\n  ").Append(new string(' ', width)).Append(example);
            }

            sub.Hidden = true;
            ListSummaries(sub);
        }

        command.Description = (command.Description ?? "").TrimEnd() + list;
    }

    private static IEnumerable<string> Path(Command command) =>
        command.Parents.OfType<Command>().Where(p => p is not RootCommand).SelectMany(Path).Append(command.Name);
}
