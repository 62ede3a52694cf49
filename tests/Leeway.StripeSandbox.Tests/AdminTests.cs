using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

public sealed class AdminTests
{
    [Fact]
    public async Task A_bad_world_is_400_naming_the_path_and_value_and_seeds_nothing()
    {
        await using var world = await TestWorld.StartAsync();
        var answer = await world.PostAsync("/_sandbox/world", JsonNode.Parse("""
            {"now":"2026-11-10T09:00:00Z","world":{"customers":[{"id":"cus_ok"},{"id":"cus_bad","payment_methods":[{"id":"pm_bad","on_charge":"explode"}]}]}}
            """)!, expectedStatus: 400);
        var error = answer["error"]!.GetValue<string>();
        Assert.Contains("world.customers[1].payment_methods[0].on_charge", error);
        Assert.Contains("explode", error);
        await world.GetAsync("/_sandbox/objects/cus_ok", expectedStatus: 404);
    }

    [Fact]
    public async Task Usage_entitlements_and_unknown_fields_are_ignored()
    {
        await using var world = await TestWorld.SeedAsync("""
            {"customers":[{"id":"cus_u","future_field":1,"usage":[{"meter":"api","period_start":"2026-10-01T00:00:00Z","period_end":"2026-11-01T00:00:00Z","amount":100}],
              "entitlements":[{"feature":"sso","active":true}]}]}
            """);
        Assert.Equal("cus_u", (await world.Stripe.V1.Customers.GetAsync("cus_u")).Id);
    }

    [Fact]
    public async Task Objects_by_id_and_the_record_of_mutations()
    {
        await using var world = await TestWorld.SeedAsync("""{"customers":[{"id":"cus_r","email":"r@example.com"}]}""");
        await world.GetAsync("/_sandbox/objects/nope", expectedStatus: 404);
        Assert.Equal("r@example.com", (await world.GetAsync("/_sandbox/objects/cus_r"))["email"]!.GetValue<string>());

        await world.Stripe.V1.Customers.UpdateAsync("cus_r", new CustomerUpdateOptions { Metadata = new() { ["recovered_from"] = "cs_1" } }, new RequestOptions { IdempotencyKey = "k-r" });
        await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Customers.UpdateAsync("cus_missing", new CustomerUpdateOptions { Name = "x" }));
        await world.Stripe.V1.Customers.GetAsync("cus_r");

        var requests = await world.RequestsAsync();
        Assert.Equal(2, requests.Count);
        var first = requests[0]!.AsObject();
        Assert.Equal("POST", first["method"]!.GetValue<string>());
        Assert.Equal("/v1/customers/cus_r", first["path"]!.GetValue<string>());
        Assert.Equal("cs_1", first["params"]!["metadata[recovered_from]"]!.GetValue<string>());
        Assert.Equal("k-r", first["idempotency_key"]!.GetValue<string>());
        Assert.Equal("2026-11-10T09:00:00Z", first["time"]!.GetValue<string>());
        Assert.Equal(200, first["status"]!.GetValue<int>());
        Assert.Equal("cus_r", first["object_id"]!.GetValue<string>());
        Assert.StartsWith("req_", first["request_id"]!.GetValue<string>());
        Assert.Equal(404, requests[1]!["status"]!.GetValue<int>());
        Assert.Null(requests[1]!["object_id"]);

        Assert.Equal("ok", await world.Admin.GetStringAsync("/_sandbox/health"));
    }

    [Fact]
    public async Task Send_issues_a_fresh_hosted_link_and_test_clock_advance_moves_the_world_clock()
    {
        await using var world = await TestWorld.SeedAsync("""
            {"customers":[{"id":"cus_l","payment_methods":[{"id":"pm_l","default":true}],
              "invoices":[{"id":"in_l","status":"open","amount_due":500,"created":"2026-10-01T00:00:00Z","hosted_invoice_url_expires_at":"2026-11-01T00:00:00Z"}]}]}
            """);
        var before = await world.Stripe.V1.Invoices.GetAsync("in_l");
        // Stripe puts no expiry in the URL; the seeded expiry is carried by the invoice's dates (30 days after finalization).
        Assert.DoesNotContain("expires_at", before.HostedInvoiceUrl);
        Assert.Equal(new DateTime(2026, 10, 2, 0, 0, 0, DateTimeKind.Utc), before.StatusTransitions.FinalizedAt);
        using (var expired = await world.Admin.GetAsync(before.HostedInvoiceUrl))
        {
            Assert.Equal(System.Net.HttpStatusCode.Gone, expired.StatusCode);
        }

        var sent = await world.Stripe.V1.Invoices.SendInvoiceAsync("in_l");
        Assert.NotEqual(before.HostedInvoiceUrl, sent.HostedInvoiceUrl);
        using (var fresh = await world.Admin.GetAsync(sent.HostedInvoiceUrl))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, fresh.StatusCode);
        }

        Assert.Contains((await world.Stripe.V1.Events.ListAsync()).Data, e => e.Type == "invoice.sent");

        var clock = await world.Stripe.V1.TestHelpers.TestClocks.CreateAsync(new Stripe.TestHelpers.TestClockCreateOptions { FrozenTime = TestWorld.DefaultNow.UtcDateTime });
        var advanced = await world.Stripe.V1.TestHelpers.TestClocks.AdvanceAsync(clock.Id, new Stripe.TestHelpers.TestClockAdvanceOptions { FrozenTime = TestWorld.DefaultNow.AddHours(5).UtcDateTime });
        Assert.Equal("ready", advanced.Status);
        Assert.Equal(TestWorld.DefaultNow.AddHours(5), world.Host.Now);
    }

    [Fact]
    public async Task Worlds_running_side_by_side_share_nothing()
    {
        const string seed = """{"customers":[{"id":"cus_same","email":"same@example.com","charges":[{"id":"ch_same","amount":1000,"status":"succeeded"}]}]}""";
        var later = TestWorld.DefaultNow.AddDays(3);
        await using var one = await TestWorld.SeedAsync(seed);
        await using var two = await TestWorld.SeedAsync(seed, later);
        await one.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_same" }, new RequestOptions { IdempotencyKey = "same-key" });
        await two.Stripe.V1.Refunds.CreateAsync(new RefundCreateOptions { Charge = "ch_same", Amount = 100 }, new RequestOptions { IdempotencyKey = "same-key" });
        Assert.Equal(1000, (await one.Stripe.V1.Charges.GetAsync("ch_same")).AmountRefunded);
        Assert.Equal(100, (await two.Stripe.V1.Charges.GetAsync("ch_same")).AmountRefunded);
        Assert.Equal(TestWorld.DefaultNow, one.Host.Now);
        Assert.Equal(later, two.Host.Now);
        Assert.Single(await one.RequestsAsync());
    }
}
