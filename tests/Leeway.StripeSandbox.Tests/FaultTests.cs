using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

public sealed class FaultTests
{
    private const string World = """{"customers":[{"id":"cus_f","email":"f@example.com"}]}""";

    [Fact]
    public async Task Error_fault_fails_reads_with_500_while_mutations_keep_working()
    {
        await using var world = await TestWorld.SeedAsync(World);
        await world.PostAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(new JsonObject { ["source"] = "stripe", ["mode"] = "error" }, new JsonObject { ["source"] = "usage", ["mode"] = "error" }) });
        var e = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Customers.GetAsync("cus_f"));
        Assert.Equal(HttpStatusCode.InternalServerError, e.HttpStatusCode);
        Assert.Equal("api_error", e.StripeError.Type);

        var updated = await world.Stripe.V1.Customers.UpdateAsync("cus_f", new CustomerUpdateOptions { Name = "Still works" });
        Assert.Equal("Still works", updated.Name);
        Assert.Equal("Still works", (await world.GetAsync("/_sandbox/objects/cus_f"))["name"]!.GetValue<string>());

        await world.PostAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray() });
        Assert.Equal("Still works", (await world.Stripe.V1.Customers.GetAsync("cus_f")).Name);
    }

    [Fact]
    public async Task Timeout_fault_makes_reads_hang_until_the_client_gives_up()
    {
        await using var world = await TestWorld.SeedAsync(World);
        await world.PostAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(new JsonObject { ["source"] = "stripe", ["mode"] = "timeout" }) });
        var impatient = TestWorld.NewStripeClient(world.Host, TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<Exception>(() => impatient.V1.Customers.GetAsync("cus_f"));
        Assert.InRange(clock.ElapsedMilliseconds, 400, 10_000);
        Assert.Equal("x", (await impatient.V1.Customers.UpdateAsync("cus_f", new CustomerUpdateOptions { Name = "x" })).Name);
    }

    [Fact]
    public async Task Latency_delays_every_api_request()
    {
        await using var world = await TestWorld.SeedAsync(World);
        await world.PostAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(), ["latency_ms"] = 150 });
        var clock = Stopwatch.StartNew();
        await world.Stripe.V1.Customers.GetAsync("cus_f");
        Assert.True(clock.ElapsedMilliseconds >= 150, $"took {clock.ElapsedMilliseconds} ms");
    }
}
