using System.Security.Cryptography;
using Leeway.Eval;
using Leeway.StripeSandbox;

namespace Leeway.Cli;

/// <summary><c>leeway serve</c>: the sandbox in-process, the product pointed at it, a demo world seeded.</summary>
internal static class ServeRunner
{
    public static async Task<int> RunAsync(string urls, string dataDirectory, bool verbose, CancellationToken cancellationToken)
    {
        var today = DateTimeOffset.UtcNow;
        var demo = DemoWorld.Load(today);
        await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = today, Verbose = verbose }, cancellationToken);
        using var sandboxHttp = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var admin = new SandboxAdmin(sandboxHttp);
        await admin.SeedAsync(demo.Now, demo.World, cancellationToken);

        var webhookSecret = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var publicUrl = urls.Split(';')[0].TrimEnd('/');
        var app = LeewayApp.Build([], new Dictionary<string, string?>(DemoDesk.Settings.Concat(CommandLogging.HostSettings(verbose)))
        {
            ["urls"] = urls,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["Billing:WebhookSecret"] = webhookSecret,
            ["Billing:PublicBaseUrl"] = publicUrl,
        });
        DemoIndex.Map(app, demo);
        await using var _ = app;
        await app.StartAsync(cancellationToken);
        await admin.AddWebhookEndpointAsync($"{app.Urls.First()}/webhooks/stripe", webhookSecret, cancellationToken);
        await WorldSeeder.FeedProductSourcesAsync(app.Services, demo, cancellationToken);
        await DemoDesk.OpenCasesAsync(app.Services, demo.Customers.Select(c => c.Id), cancellationToken);

        var data = dataDirectory == "data" ? "" : $" --data {dataDirectory}";
        Console.WriteLine($"""
            Leeway is running at {publicUrl}  (open it: the demo's customers, staff console and API)
              A customer's page:        {publicUrl}/me?token=TOKEN, with TOKEN=$(./leeway token cus_demo_funds{data})
              Staff console:            {publicUrl}/console (demo staff: {DemoDesk.StaffEmail} / {DemoDesk.StaffPassword})
              API reference (OpenAPI):  {publicUrl}/openapi/v1.json
              Stripe sandbox:           {sandbox.BaseUrl} (demo customers: {string.Join(", ", demo.Customers.Select(c => c.Id))})
            Logs: warnings only (--verbose for requests). Ctrl+C to stop.
            """);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
