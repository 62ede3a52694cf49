using System.Security.Cryptography;
using Leeway.Eval;
using Leeway.StripeSandbox;

namespace Leeway.Cli;

/// <summary><c>leeway serve</c>: the sandbox in-process, the product pointed at it, a demo world seeded.</summary>
internal static class ServeRunner
{
    public static async Task<int> RunAsync(string urls, string dataDirectory, CancellationToken cancellationToken)
    {
        var today = DateTimeOffset.UtcNow;
        var demo = DemoWorld.Load(today);
        await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = today }, cancellationToken);
        using var sandboxHttp = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var admin = new SandboxAdmin(sandboxHttp);
        await admin.SeedAsync(demo.Now, demo.World, cancellationToken);

        var webhookSecret = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var publicUrl = urls.Split(';')[0].TrimEnd('/');
        var app = LeewayApp.Build([], new Dictionary<string, string?>(DemoDesk.Settings)
        {
            ["urls"] = urls,
            ["Storage:DataDirectory"] = dataDirectory,
            ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["Billing:WebhookSecret"] = webhookSecret,
            ["Billing:PublicBaseUrl"] = publicUrl,
        });
        await app.StartAsync(cancellationToken);
        await admin.AddWebhookEndpointAsync($"{app.Urls.First()}/webhooks/stripe", webhookSecret, cancellationToken);
        await WorldSeeder.FeedProductSourcesAsync(app.Services, demo, cancellationToken);
        await DemoDesk.OpenCasesAsync(app.Services, demo.Customers.Select(c => c.Id), cancellationToken);

        Console.WriteLine($"""
            Leeway is running at {publicUrl}
              API reference (OpenAPI):  {publicUrl}/openapi/v1.json
              Stripe sandbox:           {sandbox.BaseUrl} (demo customers: {string.Join(", ", demo.Customers.Select(c => c.Id))})
              A customer token:         ./leeway token cus_demo_funds --data {dataDirectory}
              A customer's page:        {publicUrl}/me?token=<the token>
              Staff console:            {publicUrl}/console (demo staff: {DemoDesk.StaffEmail} / {DemoDesk.StaffPassword})
            Ctrl+C to stop.
            """);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
