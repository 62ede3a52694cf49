using System.CommandLine;
using System.Globalization;
using Leeway.Agent.Understanding;

namespace Leeway.Cli;

internal static class ClassifyCommand
{
    public static Command Create()
    {
        var command = new Command("classify", """
            Read one customer message a line on standard input and print 'intent<TAB>confidence' a line (confidence 0..1,
            two decimals), using Agent Lee's understanding (intent model plus rules).

            Starts no host. On a terminal, type a message and press Enter; Ctrl+D ends.

            Example: echo "I was charged twice this month" | ./leeway classify
            """);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Console.IsInputRedirected)
            {
                await Console.Error.WriteLineAsync("Type a customer message and press Enter (Ctrl+D to end):");
            }

            await RunAsync(Console.In, Console.Out, new Understander(SharedIntentModel.Instance), cancellationToken);
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
