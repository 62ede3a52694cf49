using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

/// <summary>A started sandbox with a Stripe.net client and an admin HTTP client pointed at it. One per test.</summary>
internal sealed class TestWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private TestWorld(SandboxHost host, HttpClient admin, int maxRetries)
    {
        Host = host;
        Admin = admin;
        Stripe = NewStripeClient(host, TimeSpan.FromSeconds(30), maxRetries);
    }

    public SandboxHost Host { get; }

    public StripeClient Stripe { get; }

    public HttpClient Admin { get; }

    public static async Task<TestWorld> StartAsync(DateTimeOffset? now = null, int maxRetries = 0)
    {
        var host = await SandboxHost.StartAsync(new SandboxHostOptions { Port = 0, Now = now ?? DefaultNow });
        return new TestWorld(host, new HttpClient { BaseAddress = host.BaseUrl, Timeout = TimeSpan.FromSeconds(30) }, maxRetries);
    }

    /// <summary>Starts a world seeded with <paramref name="world"/> (the scenario format's <c>world</c>).</summary>
    public static async Task<TestWorld> SeedAsync(string world, DateTimeOffset? now = null)
    {
        var test = await StartAsync(now);
        await test.PostAsync("/_sandbox/world", new JsonObject { ["now"] = (now ?? DefaultNow).ToString("O"), ["world"] = JsonNode.Parse(world) });
        return test;
    }

    public static StripeClient NewStripeClient(SandboxHost host, TimeSpan timeout, int maxRetries = 0) =>
        new(new StripeClientOptions
        {
            ApiKey = "sk_test_x",
            ApiBase = host.BaseUrl.ToString().TrimEnd('/'),
            HttpClient = new SystemNetHttpClient(new HttpClient { Timeout = timeout }, maxNetworkRetries: maxRetries),
        });

    public async Task<JsonObject> PostAsync(string path, JsonNode body, int expectedStatus = 200)
    {
        using var response = await Admin.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonObject> GetAsync(string path, int expectedStatus = 200)
    {
        using var response = await Admin.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expectedStatus == (int)response.StatusCode, $"{path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonArray> RequestsAsync() => (await GetAsync("/_sandbox/requests"))["data"]!.AsArray();

    public async ValueTask DisposeAsync()
    {
        Admin.Dispose();
        await Host.DisposeAsync();
    }
}
