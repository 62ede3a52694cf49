using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Billing;
using Leeway.StripeSandbox;
using Microsoft.Extensions.DependencyInjection;
using Stripe;

namespace Leeway.Tests.Billing;

/// <summary>What the product's Stripe client sends, counted by the sandbox: one read per resource inside a scope, a
/// write forgets the scope's reads, nothing shared outside one, and a failure Stripe says not to retry is not retried.</summary>
public sealed class StripeTrafficTests : IAsyncLifetime, IDisposable
{
    private const string World = """{"customers":[{"id":"cus_traffic","email":"t@example.com"}]}""";

    private SandboxHost _sandbox = null!;
    private HttpClient _admin = null!;
    private Microsoft.AspNetCore.Builder.WebApplication _product = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxHostOptions());
        _admin = new HttpClient { BaseAddress = _sandbox.BaseUrl };
        (await _admin.PostAsJsonAsync("/_sandbox/world", new JsonObject { ["world"] = JsonNode.Parse(World) })).EnsureSuccessStatusCode();
        _product = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Directory.CreateTempSubdirectory("leeway-traffic-").FullName,
            ["Billing:ApiBase"] = _sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }

    public async Task DisposeAsync()
    {
        await _product.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _admin.Dispose();

    [Fact]
    public async Task Inside_a_scope_a_resource_is_read_once_until_a_write()
    {
        var stripe = _product.Services.GetRequiredService<StripeClient>();
        using (StripeReadScope.Begin())
        {
            var reads = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => stripe.V1.Customers.GetAsync("cus_traffic")));
            Assert.All(reads, c => Assert.Equal("t@example.com", c.Email));
            Assert.Equal(1, await ReadsOfTheCustomerAsync());

            await stripe.V1.Customers.UpdateAsync("cus_traffic", new CustomerUpdateOptions { Email = "new@example.com" }, new RequestOptions { IdempotencyKey = "traffic-test-update" });
            Assert.Equal("new@example.com", (await stripe.V1.Customers.GetAsync("cus_traffic")).Email);
            Assert.Equal(2, await ReadsOfTheCustomerAsync());
        }

        await stripe.V1.Customers.GetAsync("cus_traffic");
        await stripe.V1.Customers.GetAsync("cus_traffic");
        Assert.Equal(4, await ReadsOfTheCustomerAsync());
    }

    [Fact]
    public async Task A_failed_read_Stripe_says_not_to_retry_is_sent_once_and_not_kept_for_the_scope()
    {
        var stripe = _product.Services.GetRequiredService<StripeClient>();
        (await _admin.PostAsJsonAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(new JsonObject { ["source"] = "stripe", ["mode"] = "error" }) })).EnsureSuccessStatusCode();
        using var scope = StripeReadScope.Begin();

        var e = await Assert.ThrowsAsync<StripeException>(() => stripe.V1.Customers.GetAsync("cus_traffic"));
        Assert.Equal(500, (int)e.HttpStatusCode);
        Assert.Equal(1, await ReadsOfTheCustomerAsync());

        (await _admin.PostAsJsonAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray() })).EnsureSuccessStatusCode();
        Assert.Equal("t@example.com", (await stripe.V1.Customers.GetAsync("cus_traffic")).Email);
        Assert.Equal(2, await ReadsOfTheCustomerAsync());
    }

    private async Task<long> ReadsOfTheCustomerAsync() =>
        (await _admin.GetFromJsonAsync<JsonObject>("/_sandbox/request_counts"))!["by_route"]!.AsObject()
            .Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal) && r.Key.EndsWith("/customers/{id}", StringComparison.Ordinal))
            .Sum(r => r.Value!.GetValue<long>());
}
