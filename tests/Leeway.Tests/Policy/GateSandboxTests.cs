using System.Text.Json.Nodes;
using Leeway.Audit;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Policy;

/// <summary>
/// The gate through the real product host against the real Stripe sandbox, judged by the sandbox's own record of
/// mutating requests and its objects (not by the product's logs).
/// </summary>
public class GateSandboxTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Principal Tess = Principal.Customer("cus_tess");

    private const string Tess_ = """
        [{
          "id": "cus_tess", "email": "tess@example.com", "name": "Tess Example", "created": "2025-03-02T10:00:00Z",
          "payment_methods": [{"id": "pm_tess", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed"}],
          "subscriptions": [{"id": "sub_tess", "status": "past_due", "currency": "eur", "items": [{"price": "price_team", "quantity": 1, "unit_amount": 2900}],
                             "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z", "cancel_at_period_end": false}],
          "invoices": [
            {"id": "in_tess_open", "subscription": "sub_tess", "status": "open", "amount_due": 2900, "currency": "eur", "created": "2026-11-01T00:00:00Z",
             "attempt_count": 1, "last_payment_error": "insufficient_funds"},
            {"id": "in_tess_paid", "status": "paid", "amount_due": 1500, "amount_paid": 1500, "currency": "usd", "created": "2026-11-01T00:00:00Z", "attempt_count": 1}
          ],
          "charges": [
            {"id": "ch_tess_1", "amount": 1500, "currency": "usd", "created": "2026-11-01T00:05:00Z", "invoice": "in_tess_paid", "payment_method": "pm_tess", "status": "succeeded", "amount_refunded": 0, "disputed": false},
            {"id": "ch_tess_2", "amount": 1500, "currency": "usd", "created": "2026-11-01T00:06:10Z", "invoice": "in_tess_paid", "payment_method": "pm_tess", "status": "succeeded", "amount_refunded": 0, "disputed": false},
            {"id": "ch_tess_big", "amount": 24000, "currency": "usd", "created": "2026-11-02T00:05:00Z", "payment_method": "pm_tess", "status": "succeeded", "amount_refunded": 0, "disputed": false}
          ],
          "checkout_sessions": [{"id": "cs_tess_old", "mode": "payment", "status": "expired", "expires_at": "2026-11-05T12:00:00Z", "amount_total": 4900, "currency": "usd"}]
        },
        {
          "id": "cus_other", "email": "other@example.com", "name": "Other Person", "created": "2025-03-02T10:00:00Z",
          "payment_methods": [{"id": "pm_other", "brand": "visa", "last4": "1111", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed"}],
          "invoices": [{"id": "in_other", "status": "open", "amount_due": 900, "currency": "usd", "created": "2026-11-01T00:00:00Z", "attempt_count": 1, "last_payment_error": "insufficient_funds"}],
          "charges": [{"id": "ch_other", "amount": 900, "currency": "usd", "created": "2026-11-03T00:05:00Z", "payment_method": "pm_other", "status": "succeeded", "amount_refunded": 0, "disputed": false}]
        }]
        """;

    [Fact]
    public async Task Fifty_concurrent_identical_refunds_make_exactly_one_refund_in_the_sandbox()
    {
        await using var world = await SandboxWorld.StartAsync(Now, Tess_);
        var refund = new RefundCharge("ch_tess_2", null, "duplicate");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => world.Gate.ExecuteAsync(Actor.AgentLee, Tess, refund, "conv_1:turn_1", default))));

        var refunds = await world.EffectsAsync("POST", "/v1/refunds");
        var made = Assert.Single(refunds);
        Assert.Equal("ch_tess_2", (string?)made["params"]!["charge"]);
        Assert.Equal("1500", made["params"]!["amount"]!.ToString());
        Assert.Equal(1500, (long?)(await world.ObjectAsync("ch_tess_2"))["amount_refunded"]);
        Assert.All(outcomes, o => Assert.True(o.Allowed && o.Succeeded, o.Message));
        Assert.Single(outcomes.Select(o => o.Result!.ObjectId).Distinct());
        var audit = await world.App.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Customer: "cus_tess"), default);
        Assert.Equal(50, audit.Count);
        Assert.Equal((string?)made["request_id"] ?? audit[0].StripeRequestId, audit[0].StripeRequestId);
    }

    [Fact]
    public async Task A_double_clicked_one_click_retry_pays_once()
    {
        await using var world = await SandboxWorld.StartAsync(Now, Tess_);

        var clicks = await Task.WhenAll(
            world.Gate.ExecuteAsync(Actor.Customer, Tess, new RetryPayment("in_tess_open"), "fix:in_tess_open", default),
            world.Gate.ExecuteAsync(Actor.Customer, Tess, new RetryPayment("in_tess_open"), "fix:in_tess_open", default));

        Assert.Single(await world.EffectsAsync("POST", "/v1/invoices/in_tess_open/pay"));
        Assert.Equal("paid", (string?)(await world.ObjectAsync("in_tess_open"))["status"]);
        Assert.All(clicks, c => Assert.True(c.Succeeded, c.Message));
        Assert.All(clicks, c => Assert.Equal("paid", c.Result!.Status));
    }

    [Fact]
    public async Task A_stripe_answer_held_back_past_the_timeout_is_retried_with_the_same_key_and_acts_once()
    {
        SlowProxy? proxy = null;
        await using var world = await SandboxWorld.StartAsync(Now, Tess_, new Dictionary<string, string> { ["stripe_timeout_ms"] = "2000", ["stripe_max_retries"] = "3" },
            async sandbox => proxy = await SlowProxy.StartAsync(sandbox, r => r.Method == "POST" && r.Path == "/v1/refunds", TimeSpan.FromSeconds(5)));

        var outcome = await world.Gate.ExecuteAsync(Actor.AgentLee, Tess, new RefundCharge("ch_tess_2", null, "duplicate"), "conv_9:turn_1", default);

        Assert.True(outcome.Succeeded, $"{outcome.Rule}: {outcome.Message}");
        Assert.Equal(1, proxy!.Delayed);
        var posts = (await world.RequestsAsync()).Where(r => (string?)r["path"] == "/v1/refunds").ToList();
        Assert.True(posts.Count >= 2, "the timed-out call was retried");
        Assert.Single(posts.Select(p => (string?)p["idempotency_key"]).Distinct());
        Assert.Single(await world.EffectsAsync("POST", "/v1/refunds"));
        Assert.Equal(1500, (long?)(await world.ObjectAsync("ch_tess_2"))["amount_refunded"]);
    }

    [Fact]
    public async Task Every_action_type_acts_through_stripe_as_the_scenario_format_records_it()
    {
        await using var world = await SandboxWorld.StartAsync(Now, Tess_);
        var gate = world.Gate;

        var card = await gate.ExecuteAsync(Actor.AgentLee, Tess, new CardUpdateLink("cus_tess"), "d1", default);
        var link = await gate.ExecuteAsync(Actor.Tier0, Tess, new RegenerateLink("cs_tess_old", null), "d2", default);
        var authenticate = await gate.ExecuteAsync(Actor.AgentLee, Tess, new AuthenticatePayment("in_tess_open"), "d3", default);
        var cancel = await gate.ExecuteAsync(Actor.AgentLee, Tess, new CancelSubscription("sub_tess"), "d4", default);
        var credit = await gate.ExecuteAsync(Actor.AgentLee, Tess, new CreditBalance("cus_tess", 1500, "usd", "goodwill"), "d5", default);
        var retry = await gate.ExecuteAsync(Actor.AgentLee, Tess, new RetryPayment("in_tess_open"), "d6", default);

        Assert.All(new[] { card, link, authenticate, cancel, credit, retry }, o => Assert.True(o.Allowed && o.Succeeded, $"{o.Action}: {o.Message} {o.Result?.Error}"));
        var requests = await world.RequestsAsync();
        JsonObject Made(string path) => Assert.Single(requests, r => (string?)r["path"] == path && (int?)r["status"] is >= 200 and < 300);

        var sessions = requests.Where(r => (string?)r["path"] == "/v1/checkout/sessions").ToList();
        Assert.Contains(sessions, s => (string?)s["params"]!["mode"] == "setup" && (string?)s["params"]!["customer"] == "cus_tess" && (string?)s["params"]!["currency"] == "eur");
        Assert.Contains(sessions, s => (string?)s["params"]!["metadata[recovered_from]"] == "cs_tess_old" && (string?)s["params"]!["mode"] == "payment");
        Assert.NotNull(card.Result!.Url);
        Assert.NotNull(link.Result!.Url);
        Made("/v1/invoices/in_tess_open/send");
        Assert.NotNull(authenticate.Result!.Url);
        Assert.Equal("true", (string?)Made("/v1/subscriptions/sub_tess")["params"]!["cancel_at_period_end"]);
        Assert.True((bool?)(await world.ObjectAsync("sub_tess"))["cancel_at_period_end"]);
        Assert.Equal("-1500", Made("/v1/customers/cus_tess/balance_transactions")["params"]!["amount"]!.ToString());
        Made("/v1/invoices/in_tess_open/pay");
        Assert.Equal("paid", retry.Result!.Status);
        Assert.All(requests, r => Assert.StartsWith("leeway:", (string?)r["idempotency_key"]));
    }

    [Fact]
    public async Task Refusals_never_reach_stripe()
    {
        await using var world = await SandboxWorld.StartAsync(Now, Tess_, new Dictionary<string, string> { ["refund_auto_max"] = "1000", ["cancel_self_serve"] = "false" });
        var gate = world.Gate;

        var overCap = await gate.ExecuteAsync(Actor.AgentLee, Tess, new RefundCharge("ch_tess_2", null, "duplicate"), "d1", default);
        var notMine = await gate.ExecuteAsync(Actor.AgentLee, Tess, new RefundCharge("ch_other", null, "duplicate"), "d2", default);
        var notMineInvoice = await gate.ExecuteAsync(Actor.AgentLee, Tess, new RetryPayment("in_other"), "d3", default);
        var cancel = await gate.ExecuteAsync(Actor.AgentLee, Tess, new CancelSubscription("sub_tess"), "d4", default);
        var paid = await gate.ExecuteAsync(Actor.AgentLee, Tess, new RetryPayment("in_tess_paid"), "d5", default);

        Assert.Equal("a refund of $15.00 is over the $10.00 limit for automatic refunds", overCap.Message);
        Assert.Equal(GateRules.Ownership, notMine.Rule);
        Assert.Equal(GateRules.Ownership, notMineInvoice.Rule);
        Assert.Equal(GateRules.CancelSelfServe, cancel.Rule);
        Assert.Equal(GateRules.InvoiceNotOpen, paid.Rule);
        Assert.Empty(await world.RequestsAsync());
        var audit = await world.App.Services.GetRequiredService<IAuditLog>().ListAsync(new AuditQuery(Decision: AuditDecision.Denied), default);
        Assert.Equal(5, audit.Count);
    }

    [Fact]
    public async Task A_high_risk_or_disputed_customer_gets_nothing_automated()
    {
        const string customers = """
            [{"id": "cus_risky", "email": "r@example.com", "name": "Risky", "created": "2025-03-02T10:00:00Z", "risk": "high",
              "payment_methods": [{"id": "pm_r", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed"}],
              "invoices": [{"id": "in_r", "status": "open", "amount_due": 2900, "currency": "usd", "created": "2026-11-01T00:00:00Z", "attempt_count": 1, "last_payment_error": "insufficient_funds"}]},
             {"id": "cus_disputed", "email": "d@example.com", "name": "Disputed", "created": "2025-03-02T10:00:00Z",
              "payment_methods": [{"id": "pm_d", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed"}],
              "charges": [{"id": "ch_d", "amount": 3000, "currency": "usd", "created": "2026-10-02T00:05:00Z", "payment_method": "pm_d", "status": "succeeded", "amount_refunded": 0, "disputed": true}],
              "disputes": [{"id": "dp_d", "charge": "ch_d", "amount": 3000, "status": "needs_response", "reason": "unrecognized", "created": "2026-11-03T00:00:00Z"}]}]
            """;
        await using var world = await SandboxWorld.StartAsync(Now, customers);
        var risky = Principal.Customer("cus_risky");
        var disputed = Principal.Customer("cus_disputed");

        var retry = await world.Gate.ExecuteAsync(Actor.AgentLee, risky, new RetryPayment("in_r"), "d1", default);
        var card = await world.Gate.ExecuteAsync(Actor.AgentLee, risky, new CardUpdateLink("cus_risky"), "d2", default);
        var refund = await world.Gate.ExecuteAsync(Actor.AgentLee, disputed, new RefundCharge("ch_d", null, "requested_by_customer"), "d3", default);

        Assert.Equal((GateRules.RiskBlocked, true), (retry.Rule, retry.HumanCanGrant));
        Assert.Equal(GateRules.RiskBlocked, card.Rule);
        Assert.Equal((GateRules.DisputeOpen, true), (refund.Rule, refund.HumanCanGrant));
        Assert.Empty(await world.RequestsAsync());
    }

    [Fact]
    public async Task The_refund_count_includes_refunds_made_outside_leeway()
    {
        const string customers = """
            [{"id": "cus_zed", "email": "z@example.com", "name": "Zed", "created": "2025-03-02T10:00:00Z",
              "payment_methods": [{"id": "pm_z", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed"}],
              "charges": [
                {"id": "ch_z1", "amount": 1500, "currency": "usd", "created": "2026-09-21T14:00:00Z", "payment_method": "pm_z", "status": "succeeded", "amount_refunded": 1500, "disputed": false},
                {"id": "ch_z2", "amount": 2500, "currency": "usd", "created": "2026-10-26T11:00:00Z", "payment_method": "pm_z", "status": "succeeded", "amount_refunded": 2500, "disputed": false},
                {"id": "ch_z3", "amount": 1200, "currency": "usd", "created": "2026-11-09T16:40:00Z", "payment_method": "pm_z", "status": "succeeded", "amount_refunded": 0, "disputed": false}],
              "refunds": [
                {"id": "re_z1", "charge": "ch_z1", "amount": 1500, "status": "succeeded", "created": "2026-09-22T09:00:00Z"},
                {"id": "re_z2", "charge": "ch_z2", "amount": 2500, "status": "succeeded", "created": "2026-10-27T08:00:00Z"}]}]
            """;
        await using var world = await SandboxWorld.StartAsync(Now, customers);

        var outcome = await world.Gate.ExecuteAsync(Actor.AgentLee, Principal.Customer("cus_zed"), new RefundCharge("ch_z3", null, "requested_by_customer"), "d1", default);

        Assert.Equal(GateRules.AutoRefundsPerCustomer90d, outcome.Rule);
        Assert.True(outcome.HumanCanGrant);
        Assert.Empty(await world.RequestsAsync());
    }
}
