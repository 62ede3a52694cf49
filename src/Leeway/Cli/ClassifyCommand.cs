using System.CommandLine;
using System.Globalization;
using Leeway.Agent.Understanding;

namespace Leeway.Cli;

internal static class ClassifyCommand
{
    public static Command Create()
    {
        var ngramOnly = new Option<bool>("--ngram-only")
        {
            Description = "Use the n-gram model alone (what `backlog rank` runs), not n-grams plus the sentence encoder (what Lee runs)",
        };
        var command = new Command("classify", """
            Read one customer message a line on standard input and print 'intent<TAB>confidence' a line (confidence 0..1,
            two decimals), using Agent Lee's understanding (intent model plus rules).

            Starts no host. Out of scope is the intent 'other'; under its confidence floor Lee asks one question with
            choices. On a terminal, type a message and press Enter; Ctrl+D ends.

            Example: printf 'I was charged twice\nwhat is the weather in Lisbon\n' | ./leeway classify
            """)
        {
            ngramOnly,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Console.IsInputRedirected)
            {
                await Console.Error.WriteLineAsync("Type a customer message and press Enter (Ctrl+D to end):");
            }

            var understander = parse.GetValue(ngramOnly) ? new Understander(SharedIntentModel.Instance) : SharedIntentModel.ProductUnderstander();
            await RunAsync(Console.In, Console.Out, understander, cancellationToken);
            return 0;
        });
        return command;
    }

    public static async Task RunAsync(TextReader input, TextWriter output, IUnderstander understander, CancellationToken cancellationToken)
    {
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            var understood = understander.Understand(line);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{understood.Intent}\t{understood.Confidence:0.00}"));
        }

        await output.FlushAsync(cancellationToken);
    }
}
