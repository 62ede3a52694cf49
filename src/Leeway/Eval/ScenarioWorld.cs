using System.Net.Http.Headers;
using System.Security.Cryptography;
using Leeway.Identity;
using Leeway.StripeSandbox;

namespace Leeway.Eval;

/// <summary>
/// One world per scenario: a fresh sandbox (own state, clock, webhook secret) and a fresh product host (own database,
/// a clock that follows the sandbox's, Stripe.net pointed at the sandbox, the policy with the scenario's overrides).
/// </summary>
internal sealed class ScenarioWorld : IAsyncDisposable
{
    private readonly string _directory;
    private readonly WorldDatabase _database;

    private ScenarioWorld(SandboxHost sandbox, WebApplication product, WorldClock clock, string directory, WorldDatabase database, HttpClient sandboxHttp, HttpClient productHttp)
    {
        _database = database;
        Sandbox = sandbox;
        Product = product;
        Clock = clock;
        _directory = directory;
        SandboxHttp = sandboxHttp;
        ProductHttp = productHttp;
        Admin = new SandboxAdmin(sandboxHttp);
    }

    public SandboxHost Sandbox { get; }

    public WebApplication Product { get; }

    public WorldClock Clock { get; }

    public SandboxAdmin Admin { get; }

    public HttpClient SandboxHttp { get; }

    /// <summary>Calls the product over HTTP (as the customer once <see cref="SignInAs"/> was called).</summary>
    public HttpClient ProductHttp { get; }

    public T Service<T>()
        where T : notnull => Product.Services.GetRequiredService<T>();

    /// <param name="services">Extra product registrations (a test's scripted chat client); eval passes none.</param>
    /// <param name="postgres">A PostgreSQL server (admin connection string) to give the world a fresh database on; null for SQLite.</param>
    /// <param name="overrides">Extra product settings (a test that sends more turns than a person could lifts the chat rate limit); eval passes none.</param>
    /// <param name="trace">Where the sandbox writes its Stripe traffic (eval's <c>--stripe-trace</c>); null: nowhere.</param>
    public static async Task<ScenarioWorld> StartAsync(
        Scenario scenario,
        CancellationToken ct,
        Action<IServiceCollection>? services = null,
        string? postgres = null,
        IReadOnlyDictionary<string, string?>? overrides = null,
        SandboxTrace? trace = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "leeway-eval", $"{scenario.Id}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4))}");
        Directory.CreateDirectory(directory);
        var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = scenario.Now, Trace = trace }, ct);
        var sandboxHttp = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var admin = new SandboxAdmin(sandboxHttp);
        await admin.SeedAsync(scenario.Now, scenario.World, ct);
        if (scenario.Faults.Count > 0)
        {
            await admin.InjectFaultsAsync(scenario.Faults, ct);
        }

        var database = await WorldDatabase.CreateAsync(directory, postgres, ct);
        var webhookSecret = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = directory,
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["Billing:WebhookSecret"] = webhookSecret,
            ["Prevent:SchedulerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "None",
        };
        foreach (var (key, value) in scenario.Policy)
        {
            settings[$"Policy:Overrides:{key}"] = value.ToString();
        }

        foreach (var fault in scenario.Faults.Where(f => f.Source != "stripe"))
        {
            settings[$"Diagnostics:Faults:{fault.Source}"] = fault.Mode;
        }

        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var clock = new WorldClock(scenario.Now);
        var product = LeewayApp.Build([], settings, clock, services);
        await product.StartAsync(ct);
        var productUrl = product.Urls.First();
        await admin.AddWebhookEndpointAsync($"{productUrl}/webhooks/stripe", webhookSecret, ct);

        var productHttp = new HttpClient { BaseAddress = new Uri(productUrl), Timeout = TimeSpan.FromSeconds(60) };
        return new ScenarioWorld(sandbox, product, clock, directory, database, sandboxHttp, productHttp);
    }

    /// <summary>Calls the product as this customer from now on, with a token minted on the world's clock.</summary>
    public void SignInAs(string customerId)
    {
        var token = Product.Services.GetRequiredService<CustomerTokens>().Issue(customerId);
        ProductHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async ValueTask DisposeAsync()
    {
        ProductHttp.Dispose();
        SandboxHttp.Dispose();
        await Product.StopAsync();
        await Product.DisposeAsync();
        await Sandbox.DisposeAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a verdict over it.
        }
    }
}
