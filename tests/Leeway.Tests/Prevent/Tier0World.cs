using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Prevent;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Leeway.StripeSandbox;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Prevent;

/// <summary>
/// A Tier 0 world as eval builds one: the Stripe sandbox seeded with a world, the product pointed at it with the
/// sandbox's webhook secret, both clocks moved together. Events are fired by the sandbox as signed webhooks.
/// </summary>
internal sealed class Tier0World : IAsyncDisposable
{
    private Tier0World(SandboxHost sandbox, HttpClient admin, PreventHost product, FakeTimeProvider clock, string secret, string folder)
    {
        Sandbox = sandbox;
        Admin = admin;
        Product = product;
        Clock = clock;
        Secret = secret;
        Folder = folder;
    }

    public SandboxHost Sandbox { get; }

    public HttpClient Admin { get; }

    public PreventHost Product { get; }

    public FakeTimeProvider Clock { get; }

    public string Secret { get; }

    public string Folder { get; }

    public static async Task<Tier0World> StartAsync(TestFolder folder, DateTimeOffset now, JsonArray customers, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = now });
        var admin = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        await PostAsync(admin, "/_sandbox/world", new JsonObject { ["now"] = now.ToString("O"), ["world"] = new JsonObject { ["customers"] = customers } });

        var clock = new FakeTimeProvider(now);
        var secret = PreventHost.NewSecret();
        var all = new Dictionary<string, string?> { ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/') };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var product = await PreventHost.StartAsync(folder, clock, secret, all);
        await PostAsync(admin, "/_sandbox/webhook_endpoints", new JsonObject { ["url"] = $"{product.App.Urls.First()}/webhooks/stripe", ["secret"] = secret });
        return new Tier0World(sandbox, admin, product, clock, secret, folder.Path);
    }

    /// <summary>The sandbox emits the event as a signed webhook; returns once it was delivered and the product handled it.</summary>
    public async Task<string> FireAsync(string type, string objectId)
    {
        var answer = await PostAsync(Admin, "/_sandbox/events", new JsonObject { ["type"] = type, ["object"] = objectId });
        await Product.Service<IWebhookBacklog>().HandledAsync(default);
        return answer["id"]!.GetValue<string>();
    }

    /// <summary>Moves both clocks forward in steps, running the product's scheduled work after each, as eval does.</summary>
    public async Task AdvanceAsync(TimeSpan by, TimeSpan? step = null)
    {
        var end = Clock.GetUtcNow() + by;
        var stride = step ?? TimeSpan.FromMinutes(30);
        while (Clock.GetUtcNow() < end)
        {
            var at = Clock.GetUtcNow() + stride < end ? Clock.GetUtcNow() + stride : end;
            Clock.SetUtcNow(at);
            await PostAsync(Admin, "/_sandbox/clock/advance", new JsonObject { ["to"] = at.ToString("O") });
            await Product.Service<IScheduledWork>().RunDueAsync(default);
            await DrainAsync();
        }
    }

    /// <summary>Waits until every webhook the sandbox has queued (e.g. after an action the product took) was delivered once
    /// and handled.</summary>
    public async Task DrainAsync()
    {
        await PostAsync(Admin, "/_sandbox/webhooks/drain", []);
        await Product.Service<IWebhookBacklog>().HandledAsync(default);
    }

    /// <summary>The sandbox's own record of mutating requests (what happened on "Stripe").</summary>
    public async Task<IReadOnlyList<JsonObject>> RequestsAsync()
    {
        var body = await Admin.GetFromJsonAsync<JsonObject>("/_sandbox/requests");
        return (body?["data"] as JsonArray ?? []).OfType<JsonObject>().ToList();
    }

    public async Task<IReadOnlyList<JsonObject>> RequestsAsync(string method, string pathPrefix) =>
        (await RequestsAsync()).Where(r => r["method"]?.GetValue<string>() == method && r["path"]!.GetValue<string>().StartsWith(pathPrefix, StringComparison.Ordinal)).ToList();

    public async Task<JsonObject> ObjectAsync(string id) =>
        (await Admin.GetFromJsonAsync<JsonObject>($"/_sandbox/objects/{Uri.EscapeDataString(id)}"))!;

    public Task<JsonObject> PostAdminAsync(string path, JsonObject body) => PostAsync(Admin, path, body);

    /// <summary>The customer's nudges, once the e-mails queued for sending have gone out (they are sent in the background).</summary>
    public async Task<IReadOnlyList<StoredNudge>> NudgesAsync(string customerId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var nudges = await Product.Service<NudgeOutbox>().ListStoredAsync(customerId, null, default);
            if (!nudges.Any(n => n.Nudge.State == NudgeState.Pending) || DateTime.UtcNow > deadline)
            {
                return nudges;
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Product.DisposeAsync();
        Admin.Dispose();
        await Sandbox.DisposeAsync();
    }

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sandbox {path} answered {(int)response.StatusCode}: {text}");
        }

        return JsonNode.Parse(text) as JsonObject ?? [];
    }
}
