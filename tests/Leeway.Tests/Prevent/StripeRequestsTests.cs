using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Diagnostics;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;

namespace Leeway.Tests.Prevent;

/// <summary>
/// What Tier 0 and the diagnosis cost Stripe, through the real webhook path (the sandbox signs and posts the event, the
/// product handles it over real HTTP) and counted by the sandbox itself (<c>GET /_sandbox/request_counts</c>): requests
/// per event, reads in one parallel round, and Stripe's 429s answered by retrying, a write under its one idempotency key.
/// </summary>
public sealed class StripeRequestsTests : IDisposable
{
    private readonly TestFolder _folder = new();

    /// <summary>Each kind of failed renewal Tier 0 answers differently: Stripe's own retry and the payment page, a
    /// card-update link (a Checkout session created), a retry of its own, and the 3-D Secure page (the invoice sent).</summary>
    [Theory]
    [InlineData("cus_rq_funds", "invoice.payment_failed", "decline:insufficient_funds", "insufficient_funds", "2026-11-13T09:00:00Z")]
    [InlineData("cus_rq_expired", "invoice.payment_failed", "decline:expired_card", "expired_card", null)]
    [InlineData("cus_rq_honor", "invoice.payment_failed", "decline:do_not_honor", "do_not_honor", null)]
    [InlineData("cus_rq_3ds", "invoice.payment_action_required", "requires_authentication", "authentication_required", null)]
    public async Task A_failed_payment_event_costs_at_most_three_Stripe_requests(string customer, string type, string onCharge, string error, string? nextAttempt)
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.FailedRenewal(customer, onCharge, error, nextAttempt));
        await world.PostAdminAsync("/_sandbox/request_counts/reset", []);

        await world.FireAsync(type, $"in_{customer}");

        var nudges = await world.NudgesAsync(customer);
        Assert.Contains(nudges, n => n.Nudge.State == NudgeState.Sent);
        var counts = await CountsAsync(world);
        Assert.True(counts["total"]!.GetValue<long>() <= 3, $"{type} ({error}) cost {counts.ToJsonString()}");
    }

    [Fact]
    public async Task A_diagnosis_reads_Stripe_in_one_parallel_round()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.FailedRenewal("cus_rq_round", "decline:card_declined", "card_declined"));
        // Every request takes half a second: requests issued one after another's answer never overlap, requests issued
        // together all are in flight at once. Counting what overlapped says how many rounds there were, whatever the load.
        await world.PostAdminAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(), ["latency_ms"] = 500 });
        await world.PostAdminAsync("/_sandbox/request_counts/reset", []);

        var diagnosis = await world.Product.Service<IDiagnosisService>().DiagnoseAsync("cus_rq_round", default);

        Assert.Equal(RootCause.PaymentFailedCardDeclined, diagnosis!.RootCause);
        var counts = await CountsAsync(world);
        var total = counts["total"]!.GetValue<long>();
        Assert.Equal(7, total); // the customer and its six lists (no disputed charge, so no dispute list)
        Assert.Equal(total, counts["in_flight_max"]!.GetValue<long>());
    }

    [Fact]
    public async Task Stripes_429s_are_retried_and_a_retried_write_keeps_its_idempotency_key()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.FailedRenewal("cus_rq_429", "decline:expired_card", "expired_card"));
        // Stripe's limiter on, and the second's budget already spent by other clients: the event's first reads and its
        // one write are refused with 429 before anything is applied.
        await world.PostAdminAsync("/_sandbox/rate_limits", new JsonObject
        {
            ["enabled"] = true,
            ["reads_per_second"] = 25,
            ["writes_per_second"] = 25,
            ["refuse_next_reads"] = 2,
            ["refuse_next_writes"] = 1,
        });

        var eventId = await world.FireAsync("invoice.payment_failed", "in_cus_rq_429");

        Assert.Equal(WebhookInbox.Processed, (await world.Product.Service<WebhookInbox>().StatusAsync(eventId, default))!.Status);
        var limits = (await world.Admin.GetFromJsonAsync<JsonObject>("/_sandbox/rate_limits"))!;
        Assert.Equal(3, limits["refused"]!.GetValue<long>());
        var creates = await world.RequestsAsync("POST", "/v1/checkout/sessions");
        Assert.Equal([429, 200], creates.Select(r => r["status"]!.GetValue<int>()));
        var key = creates[0]["idempotency_key"]!.GetValue<string>();
        Assert.All(creates, r => Assert.Equal(key, r["idempotency_key"]!.GetValue<string>()));
        var session = Assert.Single(creates, r => r["object_id"] is JsonValue)["object_id"]!.GetValue<string>();
        var link = (await world.ObjectAsync(session))["url"]!.GetValue<string>();
        Assert.All(await world.NudgesAsync("cus_rq_429"), n => Assert.Equal((NudgeState.Sent, link), (n.Nudge.State, n.Nudge.Link)));
    }

    private static async Task<JsonObject> CountsAsync(Tier0World world) =>
        (await world.Admin.GetFromJsonAsync<JsonObject>("/_sandbox/request_counts"))!;

    public void Dispose() => _folder.Dispose();
}
