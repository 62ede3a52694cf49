using System.CommandLine;
using Leeway.StripeSandbox;

namespace Leeway.Cli;

internal static class SandboxCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on (Stripe's own stripe-mock uses 12111)", DefaultValueFactory = _ => 12111 };
        var apiKey = new Option<string?>("--api-key") { Description = "Accept only this secret key (sk_test_…), as a Stripe account does; any other gets Stripe's 401. Default: any test-mode key" };
        var command = new Command("sandbox", """
            Run the Stripe sandbox alone: a stateful server that speaks Stripe's API (point Stripe.net's ApiBase at it).

            Its admin API lives under /_sandbox (seed a world, fire events, advance the clock, inject faults, read its record);
            see src/Leeway.StripeSandbox/README.md. With --api-key it stands in for one Stripe account (docs/deploy.md
            uses it so); --verbose logs every request.

            Example: ./leeway sandbox --port 12111
            """)
        {
            port,
            apiKey,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new SandboxHostOptions
            {
                Port = CommandInputs.Port(parse.GetValue(port), "--port"),
                ApiKey = CommandInputs.TestSecretKey(parse.GetValue(apiKey), "--api-key"),
                Verbose = CommandLogging.IsVerbose(parse),
            };
            CommandInputs.FreeToListen($"http://{options.Host}:{options.Port}", "--port", "--port 12112");
            await using var sandbox = await SandboxHost.StartAsync(options, cancellationToken);
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
