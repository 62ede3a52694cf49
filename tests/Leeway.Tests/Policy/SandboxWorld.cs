using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Policy;
using Leeway.StripeSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Policy;

/// <summary>
/// A real Stripe sandbox seeded with a world (scenario format) and a real product host pointed at it (own SQLite
/// file, the policy with overrides); the gate is resolved from the host. Optionally Stripe is reached through a
/// <see cref="SlowProxy"/>.
/// </summary>
internal sealed class SandboxWorld : IAsyncDisposable
{
    private readonly string _directory;
    private readonly SlowProxy? _proxy;

    private SandboxWorld(SandboxHost sandbox, WebApplication app, HttpClient admin, string directory, SlowProxy? proxy)
    {
        Sandbox = sandbox;
        App = app;
        Admin = admin;
        _directory = directory;
        _proxy = proxy;
    }

    public SandboxHost Sandbox { get; }

    public WebApplication App { get; }

    public HttpClient Admin { get; }

    public IGate Gate => App.Services.GetRequiredService<IGate>();

    public static async Task<SandboxWorld> StartAsync(
        DateTimeOffset now,
        string customersJson,
        IReadOnlyDictionary<string, string>? policy = null,
        Func<Uri, Task<SlowProxy>>? proxy = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "leeway-tests", "gate-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = now });
        var admin = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        using (var seeded = await admin.PostAsJsonAsync("/_sandbox/world", new JsonObject
        {
            ["now"] = now.ToString("O"),
            ["world"] = new JsonObject { ["customers"] = JsonNode.Parse(customersJson) },
        }))
        {
            Assert.True(seeded.IsSuccessStatusCode, await seeded.Content.ReadAsStringAsync());
        }

        var slow = proxy is null ? null : await proxy(sandbox.BaseUrl);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = directory,
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "leeway.db")}",
            ["Billing:ApiBase"] = (slow?.BaseUrl ?? sandbox.BaseUrl).ToString().TrimEnd('/'),
            ["Prevent:SchedulerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in policy ?? new Dictionary<string, string>())
        {
            settings[$"Policy:Overrides:{key}"] = value;
        }

        var app = LeewayApp.Build([], settings, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now));
        await app.StartAsync();
        return new SandboxWorld(sandbox, app, admin, directory, slow);
    }

    /// <summary>The sandbox's own record of mutating requests.</summary>
    public async Task<IReadOnlyList<JsonObject>> RequestsAsync()
    {
        var body = await Admin.GetFromJsonAsync<JsonObject>("/_sandbox/requests");
        return (body?["data"] as JsonArray ?? []).OfType<JsonObject>().ToList();
    }

    /// <summary>Requests that took effect: succeeded and not an idempotent replay.</summary>
    public async Task<IReadOnlyList<JsonObject>> EffectsAsync(string method, string path) =>
        (await RequestsAsync())
            .Where(r => (string?)r["method"] == method && (string?)r["path"] == path && (int?)r["status"] is >= 200 and < 300 && r["replayed"]?.GetValue<bool>() != true)
            .ToList();

    public async Task<JsonObject> ObjectAsync(string id) =>
        await Admin.GetFromJsonAsync<JsonObject>($"/_sandbox/objects/{Uri.EscapeDataString(id)}") ?? throw new InvalidOperationException($"no {id} in the sandbox");

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        Admin.Dispose();
        await Sandbox.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
