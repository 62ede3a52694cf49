using Leeway.StripeSandbox;

namespace Leeway.Cli;

/// <summary><c>leeway serve</c>: the sandbox in-process, the product pointed at it, a demo world seeded.</summary>
internal static class ServeRunner
{
    public static async Task<int> RunAsync(string urls, string dataDirectory, CancellationToken cancellationToken)
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions(), cancellationToken);
        var app = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = urls,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["Billing:PublicBaseUrl"] = urls.Split(';')[0],
        });
        await app.StartAsync(cancellationToken);
        Console.WriteLine($"Leeway is running at {urls.Split(';')[0]} (Stripe sandbox at {sandbox.BaseUrl}). Ctrl+C to stop.");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
