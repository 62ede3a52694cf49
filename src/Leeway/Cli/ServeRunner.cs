using System.Security.Cryptography;
using Leeway.Billing;
using Leeway.Eval;
using Leeway.Prevent;
using Leeway.Prevent.Webhooks;
using Leeway.StripeSandbox;
using Stripe;

namespace Leeway.Cli;

/// <summary>
/// <c>leeway serve</c>: on the Stripe account <c>Billing:ApiKey</c> names when it is set; otherwise the sandbox
/// in-process, the product pointed at it, a demo world seeded.
/// </summary>
internal static class ServeRunner
{
    public static Task<int> RunAsync(string urls, string dataDirectory, bool verbose, CancellationToken cancellationToken) =>
        StripeKeys.IsConfigured(ProductConfiguration())
            ? RunOnStripeAsync(urls, dataDirectory, verbose, cancellationToken)
            : RunDemoAsync(urls, dataDirectory, verbose, cancellationToken);

    /// <summary>The configuration the product host reads (appsettings, the environment), before anything is built.</summary>
    private static IConfiguration ProductConfiguration() =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory }).Configuration;

    private static async Task<int> RunOnStripeAsync(string urls, string dataDirectory, bool verbose, CancellationToken cancellationToken)
    {
        var configuration = ProductConfiguration();
        if (string.IsNullOrWhiteSpace(configuration["Billing:WebhookSecret"]))
        {
            throw new BadInputException("Billing:WebhookSecret is not set, so every event Stripe sends would be refused; run `./leeway stripe connect --url https://YOUR-ADDRESS/webhooks/stripe` and store the secret it prints as Billing__WebhookSecret (docs/deploy.md).");
        }

        var listen = urls.Split(';')[0].TrimEnd('/');
        var settings = new Dictionary<string, string?>(CommandLogging.HostSettings(verbose))
        {
            ["urls"] = urls,
            ["Storage:DataDirectory"] = dataDirectory,
        };
        if (string.IsNullOrWhiteSpace(configuration["Billing:PublicBaseUrl"]))
        {
            settings["Billing:PublicBaseUrl"] = listen;
        }

        var app = LeewayApp.Build([], settings);
        await using var _ = app;
        // Validated before the host starts, so a wrong setting is the one line naming it, not the host's failure log.
        app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        await app.StartAsync(cancellationToken);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BillingOptions>>().Value;
        var publicUrl = options.PublicBaseUrl.TrimEnd('/');
        var webhooks = await WebhookStateAsync(app, $"{publicUrl}/webhooks/stripe", cancellationToken);

        var data = dataDirectory == "data" ? "" : $" --data {dataDirectory}";
        Console.WriteLine($"""
            Leeway is running at {publicUrl} on Stripe ({StripeKeys.Mode(options.ApiKey)} mode, {StripeKeys.Masked(options.ApiKey)}, {options.ApiBase.TrimEnd('/')})
              Stripe's webhooks:        {publicUrl}/webhooks/stripe: {webhooks}
              Staff console:            {publicUrl}/console (staff accounts: Humans:Staff, docs/deploy.md)
              A customer's page:        {publicUrl}/me?token=TOKEN, with TOKEN=$(./leeway token cus_…{data})
              API reference (OpenAPI):  {publicUrl}/openapi/v1.json
            Check the whole deployment: ./leeway doctor{data}. Logs: warnings only (--verbose for requests). Ctrl+C to stop.
            """);
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }

    /// <summary>
    /// One look at the account at start: a key Stripe refuses stops serve (nothing would work); an endpoint that is missing
    /// or wrong is said in the banner; Stripe unreachable is a warning (serve starts, and webhooks wait in Stripe's retries).
    /// </summary>
    private static async Task<string> WebhookStateAsync(WebApplication app, string url, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(TimeSpan.FromSeconds(15));
            var endpoint = await app.Services.GetRequiredService<WebhookEndpointSetup>().FindAsync(url, deadline.Token);
            return endpoint is null
                ? $"NO ENDPOINT in Stripe for it: Stripe sends no events (run ./leeway stripe connect --url {url})"
                : WebhookEndpointCheck.Problems(endpoint) is { Count: > 0 } problems
                    ? $"{endpoint.Id}, but {string.Join("; ", problems)} (run ./leeway doctor)"
                    : $"{endpoint.Id}, connected";
        }
        catch (StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            throw new BadInputException($"Billing:ApiKey: {StripeKeys.Describe(e)}; copy the secret key again from Stripe's dashboard (Developers → API keys) into Billing__ApiKey.");
        }
        catch (Exception e) when (StripeKeys.IsCallFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            return $"not checked ({StripeKeys.Describe(e)}; run ./leeway doctor once Stripe answers)";
        }
    }

    private static async Task<int> RunDemoAsync(string urls, string dataDirectory, bool verbose, CancellationToken cancellationToken)
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
