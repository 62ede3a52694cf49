using System.Text.Json.Nodes;
using Leeway.Eval;
using Leeway.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Browser;

/// <summary>
/// A real Stripe sandbox seeded with the test's own customers and a real product host pointed at it (the same world
/// <c>leeway eval</c> builds per scenario), for a browser to use through <see cref="BaseUrl"/>.
/// </summary>
internal sealed class WebWorld : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly ScenarioWorld _world;

    private WebWorld(ScenarioWorld world)
    {
        _world = world;
        BaseUrl = new Uri(world.Product.Urls.First());
    }

    public Uri BaseUrl { get; }

    public static Task<WebWorld> StartAsync(params JsonObject[] customers) => StartAsync(null, customers);

    /// <param name="settings">Product configuration for this world (an SMTP server, say).</param>
    public static async Task<WebWorld> StartAsync(IReadOnlyDictionary<string, string?>? settings, params JsonObject[] customers)
    {
        var scenario = ScenarioLoader.Parse(
            new JsonObject
            {
                ["id"] = "web",
                ["title"] = "browser test world",
                ["now"] = Now.ToString("O"),
                ["customer"] = customers[0]["id"]!.GetValue<string>(),
                ["world"] = new JsonObject { ["customers"] = new JsonArray(customers.Select(c => (JsonNode)c.DeepClone()).ToArray()) },
            }.ToJsonString(),
            "web-world.json");
        var world = await ScenarioWorld.StartAsync(scenario, CancellationToken.None, overrides: settings);
        try
        {
            await WorldSeeder.FeedProductSourcesAsync(world.Product.Services, scenario, CancellationToken.None);
            return new WebWorld(world);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    public T Service<T>()
        where T : notnull => _world.Product.Services.GetRequiredService<T>();

    public Uri Url(string pathAndQuery) => new(BaseUrl, pathAndQuery);

    /// <summary>The sign-in link a customer gets (<c>/me?token=…</c>), with a token minted on the world's clock.</summary>
    public Uri SignInLink(string customerId) => Url($"/me?token={Uri.EscapeDataString(Service<CustomerTokens>().Issue(customerId))}");

    /// <summary>Opens the customer's sign-in link in <paramref name="browser"/>, forgetting whoever was signed in there before.</summary>
    public void SignIn(Chromium browser, string customerId)
    {
        browser.GoTo(Url("/me/sign-in"));
        browser.Driver.Manage().Cookies.DeleteAllCookies();
        browser.GoTo(SignInLink(customerId));
        browser.Wait(d => d.Url.EndsWith("/me", StringComparison.Ordinal) && d.FindElements(OpenQA.Selenium.By.Id("meter")).Count > 0);
    }

    /// <summary>The sandbox's own record of every mutating Stripe request.</summary>
    public Task<IReadOnlyList<SandboxRequest>> StripeRequestsAsync() => _world.Admin.RequestsAsync(CancellationToken.None);

    public Task<JsonObject?> StripeObjectAsync(string id) => _world.Admin.ObjectAsync(id, CancellationToken.None);

    public ValueTask DisposeAsync() => _world.DisposeAsync();
}
