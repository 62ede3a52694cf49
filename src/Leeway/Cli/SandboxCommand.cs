using System.CommandLine;
using Leeway.StripeSandbox;

namespace Leeway.Cli;

internal static class SandboxCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (Stripe's own stripe-mock uses 12111)", DefaultValueFactory = _ => 12111 };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request" };
        var command = new Command("sandbox", """
            Run the Stripe sandbox standalone: a stateful server that speaks Stripe's API (point Stripe.net's ApiBase at it).
            Its admin API lives under /_sandbox (seed a world, fire events, advance the clock, inject faults, read its record).
            """)
        {
            port,
            verbose,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Port = parse.GetValue(port), Verbose = parse.GetValue(verbose) }, cancellationToken);
            Console.WriteLine($"Stripe sandbox listening on {sandbox.BaseUrl} (Ctrl+C to stop)");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }
}
