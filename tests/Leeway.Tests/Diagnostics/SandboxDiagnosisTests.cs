using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Sources;
using Leeway.Storage;
using Leeway.StripeSandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Diagnostics;

/// <summary>
/// End to end: a scenario's world seeded into the Stripe sandbox, the product reading it through Stripe.net, the
/// diagnosis asked over HTTP with the customer's token, as eval does.
/// </summary>
public sealed class SandboxDiagnosisTests
{
    public static TheoryData<string> Scenarios() => DevScenarioDiagnosisTests.Scenarios();

    [SandboxTheory]
    [MemberData(nameof(Scenarios))]
    public async Task Each_dev_scenarios_diagnosis_through_stripe_and_the_api(string file)
    {
        var scenario = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFiles.DevScenarios, file)))!.AsObject();
        await using var world = await SandboxWorld.StartAsync(scenario);

        using var response = await world.Product.GetAsync("/api/v1/diagnosis", world.Product.TokenFor(world.CustomerId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var diagnosis = await response.Content.ReadFromJsonAsync<JsonObject>();
        foreach (var (key, expected) in scenario["expect"]!["diagnosis"]!.AsObject())
        {
            Assert.True(JsonNode.DeepEquals(expected, diagnosis![key]), $"{file}: {key} expected {expected?.ToJsonString()}, got {diagnosis![key]?.ToJsonString()} ({diagnosis.ToJsonString()})");
        }
    }

    [SandboxFact]
    public async Task A_customer_never_sees_another_customers_data()
    {
        var scenario = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFiles.DevScenarios, "dev-11-other-customers-data.json")))!.AsObject();
        await using var world = await SandboxWorld.StartAsync(scenario);
        var token = world.Product.TokenFor("cus_kai");

        using var own = await world.Product.GetAsync("/api/v1/diagnosis", token);
        using var theirs = await world.Product.GetAsync("/api/v1/customers/cus_lea/diagnosis", token);
        using var nobody = await world.Product.GetAsync("/api/v1/customers/cus_nobody/diagnosis", ProductHost.ServiceKey);

        var body = await own.Content.ReadAsStringAsync();
        foreach (var secret in new[] { "cus_lea", "lea@example.com", "Lea", "in_lea_nov", "77.77", "7777" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, nobody.StatusCode);
        var theirsProblem = await theirs.Content.ReadFromJsonAsync<JsonObject>();
        var nobodyProblem = await nobody.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(nobodyProblem!["title"]!.ToJsonString(), theirsProblem!["title"]!.ToJsonString());
        Assert.Equal(nobodyProblem["detail"]!.ToJsonString(), theirsProblem["detail"]!.ToJsonString());
    }

    [SandboxFact]
    public async Task Stripe_slower_than_its_deadline_gives_a_diagnosis_naming_it()
    {
        var scenario = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFiles.DevScenarios, "dev-02-insufficient-funds-retry.json")))!.AsObject();
        scenario["faults"] = new JsonArray(new JsonObject { ["source"] = "stripe", ["mode"] = "timeout" });
        await using var world = await SandboxWorld.StartAsync(scenario, new Dictionary<string, string?> { ["Diagnostics:Deadlines:stripe"] = "500" });

        var diagnosis = await world.Product.DiagnosisAsync(world.CustomerId);

        Assert.Equal("source_unavailable", WireName.Of(diagnosis.RootCause));
        Assert.Equal("stripe", diagnosis.Primary!.Facts[FactKeys.Source]);
        Assert.Equal("timeout", Assert.Single(diagnosis.Sources, s => s.Name == "stripe").Error);
    }

    [SandboxFact]
    public async Task Stripe_answering_500_gives_a_diagnosis_naming_it()
    {
        var scenario = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(SharedFiles.DevScenarios, "dev-02-insufficient-funds-retry.json")))!.AsObject();
        scenario["faults"] = new JsonArray(new JsonObject { ["source"] = "stripe", ["mode"] = "error" });
        await using var world = await SandboxWorld.StartAsync(scenario);

        var diagnosis = await world.Product.DiagnosisAsync(world.CustomerId);

        Assert.Equal(("source_unavailable", "error"), (WireName.Of(diagnosis.RootCause), Assert.Single(diagnosis.Sources, s => s.Name == "stripe").Error));
    }
}

/// <summary>One scenario's world: a sandbox seeded with it, and the product pointed at it, the clock at the scenario's now.</summary>
internal sealed class SandboxWorld : IAsyncDisposable
{
    private readonly SandboxHost _sandbox;

    private SandboxWorld(SandboxHost sandbox, ProductHost product, string customerId)
    {
        _sandbox = sandbox;
        Product = product;
        CustomerId = customerId;
    }

    public ProductHost Product { get; }

    public string CustomerId { get; }

    public static async Task<SandboxWorld> StartAsync(JsonObject scenario, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var now = ScenarioWorld.Time(scenario["now"]!.GetValue<string>());
        var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = now });
        using var admin = new HttpClient { BaseAddress = sandbox.BaseUrl };
        var world = scenario["world"]!.DeepClone().AsObject();
        foreach (var customer in world["customers"]!.AsArray().OfType<JsonObject>())
        {
            customer.Remove("usage");
            customer.Remove("entitlements");
        }

        using (var seeded = await admin.PostAsJsonAsync("/_sandbox/world", new JsonObject { ["now"] = scenario["now"]!.DeepClone(), ["world"] = world }))
        {
            Assert.True(seeded.IsSuccessStatusCode, await seeded.Content.ReadAsStringAsync());
        }

        var all = new Dictionary<string, string?> { ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/') };
        foreach (var fault in scenario["faults"] as JsonArray ?? [])
        {
            var (source, mode) = (fault!["source"]!.GetValue<string>(), fault["mode"]!.GetValue<string>());
            if (source == SourceNames.Stripe)
            {
                using var faulted = await admin.PostAsJsonAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(fault.DeepClone()) });
                Assert.True(faulted.IsSuccessStatusCode, await faulted.Content.ReadAsStringAsync());
            }
            else
            {
                all[$"Diagnostics:Faults:{source}"] = mode;
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var product = await ProductHost.StartAsync(all, new FakeTimeProvider(now));
        var store = product.App.Services.GetRequiredService<EmbeddedSourceStore>();
        foreach (var customer in scenario["world"]!["customers"]!.AsArray().OfType<JsonObject>())
        {
            await store.FeedAsync(customer["id"]!.GetValue<string>(), ScenarioWorld.Entitlements(customer), ScenarioWorld.Usage(customer), CancellationToken.None);
        }

        return new SandboxWorld(sandbox, product, scenario["customer"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        await Product.DisposeAsync();
        await _sandbox.DisposeAsync();
    }
}
