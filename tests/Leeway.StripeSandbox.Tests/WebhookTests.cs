using System.Text.Json.Nodes;
using Stripe;

namespace Leeway.StripeSandbox.Tests;

public sealed class WebhookTests
{
    private const string Secret = "whsec_test_secret_for_the_sandbox";

    private const string World = """
        {"customers":[{"id":"cus_max","email":"max@example.com",
          "payment_methods":[{"id":"pm_max","default":true,"on_charge":"decline:expired_card"}],
          "invoices":[{"id":"in_max","status":"open","amount_due":2000,"created":"2026-11-10T08:00:00Z","attempt_count":1,"last_payment_error":"expired_card"}],
          "checkout_sessions":[{"id":"cs_max","mode":"payment","status":"open","expires_at":"2026-11-10T10:00:00Z","amount_total":4900}]}]}
        """;

    private static async Task<(TestWorld World, WebhookReceiver Receiver)> StartAsync()
    {
        var world = await TestWorld.SeedAsync(World);
        var receiver = await WebhookReceiver.StartAsync();
        await world.PostAsync("/_sandbox/webhook_endpoints", new JsonObject { ["url"] = receiver.Url, ["secret"] = Secret });
        return (world, receiver);
    }

    private static long Unix(TestWorld world) => world.Host.Now.ToUnixTimeSeconds();

    [Fact]
    public async Task Fired_event_is_signed_like_Stripe_and_verifies_with_Stripe_net()
    {
        var (world, receiver) = await StartAsync();
        await using var _ = world;
        await using var __ = receiver;
        var fired = await world.PostAsync("/_sandbox/events", new JsonObject { ["type"] = "invoice.payment_failed", ["object"] = "in_max" });
        Assert.StartsWith("evt_", fired["id"]!.GetValue<string>());
        Assert.Equal(200, fired["deliveries"]![0]!["status"]!.GetValue<int>());

        var (body, signature) = Assert.Single(receiver.Received);
        var e = EventUtility.ConstructEvent(body, signature, Secret, tolerance: 300, utcNow: Unix(world), throwOnApiVersionMismatch: true);
        Assert.Equal(fired["id"]!.GetValue<string>(), e.Id);
        Assert.Equal("invoice.payment_failed", e.Type);
        var invoice = Assert.IsType<Invoice>(e.Data.Object);
        Assert.Equal("in_max", invoice.Id);
        Assert.Equal(1, invoice.AttemptCount);
        Assert.StartsWith($"t={Unix(world)},v1=", signature);

        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(body.Replace("in_max", "in_evil"), signature, Secret, tolerance: 300, utcNow: Unix(world)));
        Assert.Throws<StripeException>(() => EventUtility.ConstructEvent(body, signature, "whsec_wrong", tolerance: 300, utcNow: Unix(world)));

        var stored = await world.Stripe.V1.Events.GetAsync(e.Id);
        Assert.Equal("in_max", ((Invoice)stored.Data.Object).Id);
        var listed = await world.Stripe.V1.Events.ListAsync(new EventListOptions { Type = "invoice.payment_failed" });
        Assert.Equal(e.Id, Assert.Single(listed.Data).Id);
    }

    [Fact]
    public async Task Failed_deliveries_are_retried_with_back_off_on_the_sandbox_clock_until_answered()
    {
        var (world, receiver) = await StartAsync();
        await using var _ = world;
        await using var __ = receiver;
        receiver.Answers.Enqueue(500);
        receiver.Answers.Enqueue(503);
        var fired = await world.PostAsync("/_sandbox/events", new JsonObject { ["type"] = "charge.failed", ["object"] = "ch_nope" }, expectedStatus: 404);
        Assert.Contains("ch_nope", fired["error"]!.GetValue<string>());

        fired = await world.PostAsync("/_sandbox/events", new JsonObject { ["type"] = "invoice.payment_failed", ["object"] = "in_max" });
        Assert.Equal(500, fired["deliveries"]![0]!["status"]!.GetValue<int>());
        Assert.Single(receiver.Received);

        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["seconds"] = 30 });
        Assert.Single(receiver.Received);
        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["seconds"] = 40 });
        Assert.Equal(2, receiver.Received.Count);
        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["seconds"] = 600 });
        Assert.Equal(3, receiver.Received.Count);
        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["seconds"] = 86400 });
        var attempts = receiver.Received.Where(r => r.Body.Contains("invoice.payment_failed", StringComparison.Ordinal)).ToArray();
        Assert.Equal(3, attempts.Length);

        Assert.Equal(attempts[0].Body, attempts[2].Body);
        var retried = EventUtility.ConstructEvent(attempts[2].Body, attempts[2].Signature, Secret, tolerance: 300, utcNow: ParseT(attempts[2].Signature), throwOnApiVersionMismatch: true);
        Assert.Equal("invoice.payment_failed", retried.Type);
        Assert.Equal(TestWorld.DefaultNow.ToUnixTimeSeconds() + 60 + 300, ParseT(attempts[2].Signature));

        var deliveries = (await world.GetAsync("/_sandbox/deliveries"))["data"]!.AsArray();
        var delivery = Assert.Single(deliveries, d => d!["type"]!.GetValue<string>() == "invoice.payment_failed");
        Assert.Equal("succeeded", delivery!["status"]!.GetValue<string>());
        Assert.Equal(3, delivery["attempts"]!.AsArray().Count);
    }

    private static long ParseT(string signature) => long.Parse(signature.Split(',')[0][2..], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Advancing_the_clock_expires_open_checkout_sessions_and_delivers_the_event()
    {
        var (world, receiver) = await StartAsync();
        await using var _ = world;
        await using var __ = receiver;
        var clock = await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["to"] = "2026-11-10T11:00:00Z" });
        Assert.Equal("2026-11-10T11:00:00Z", clock["now"]!.GetValue<string>());
        Assert.Equal("2026-11-10T11:00:00Z", (await world.GetAsync("/_sandbox/clock"))["now"]!.GetValue<string>());

        var session = await world.Stripe.V1.Checkout.Sessions.GetAsync("cs_max");
        Assert.Equal("expired", session.Status);
        var (body, signature) = Assert.Single(receiver.Received);
        Assert.StartsWith($"t={new DateTimeOffset(2026, 11, 10, 10, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds()},", signature);
        var e = EventUtility.ParseEvent(body);
        Assert.Equal("checkout.session.expired", e.Type);

        await world.PostAsync("/_sandbox/clock/advance", new JsonObject { ["to"] = "2026-11-10T10:00:00Z" }, expectedStatus: 400);
    }

    [Fact]
    public async Task Api_changes_emit_events_that_name_their_request_and_endpoints_made_through_the_api_get_a_secret()
    {
        await using var world = await TestWorld.SeedAsync(World);
        await using var receiver = await WebhookReceiver.StartAsync();
        var endpoint = await world.Stripe.V1.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateOptions { Url = receiver.Url, EnabledEvents = ["invoice.payment_failed", "charge.failed"] });
        Assert.StartsWith("whsec_", endpoint.Secret);
        Assert.Equal("enabled", endpoint.Status);

        var error = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Invoices.PayAsync("in_max", null, new RequestOptions { IdempotencyKey = "retry-in_max-1" }));
        Assert.Equal("expired_card", error.StripeError.Code);
        await world.PostAsync("/_sandbox/webhooks/drain", new JsonObject());

        var types = new List<string>();
        foreach (var (body, signature) in receiver.Received)
        {
            var e = EventUtility.ConstructEvent(body, signature, endpoint.Secret, tolerance: 300, utcNow: Unix(world), throwOnApiVersionMismatch: true);
            types.Add(e.Type);
            Assert.Equal("retry-in_max-1", e.Request.IdempotencyKey);
            Assert.StartsWith("req_", e.Request.Id);
        }

        Assert.Equal(["charge.failed", "invoice.payment_failed"], types);
        var list = await world.Stripe.V1.WebhookEndpoints.ListAsync();
        Assert.Single(list.Data);
        var deleted = await world.Stripe.V1.WebhookEndpoints.DeleteAsync(endpoint.Id);
        Assert.True(deleted.Deleted);
    }

    [Fact]
    public async Task An_event_for_the_wrong_kind_of_object_is_400()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var answer = await world.PostAsync("/_sandbox/events", new JsonObject { ["type"] = "invoice.payment_failed", ["object"] = "cs_max" }, expectedStatus: 400);
        Assert.Contains("checkout.session", answer["error"]!.GetValue<string>());
    }
}
