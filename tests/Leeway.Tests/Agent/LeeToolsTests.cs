using Leeway.Agent;
using Leeway.Agent.Brain;
using Leeway.Agent.Conversations;
using Leeway.Agent.Tools;
using Leeway.Agent.Understanding;
using Leeway.Audit;
using Leeway.Knowledge;
using Leeway.Policy.Rules;
using Leeway.Tests.Policy;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Agent;

/// <summary>
/// Lee's typed tools through the real product host's gate against the real Stripe sandbox: a money-moving tool the
/// customer did not ask for answers null and calls nothing; a yes to its offer reaches the gate and Stripe.
/// </summary>
public sealed class LeeToolsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private const string Tess = """
        [{
          "id": "cus_tess", "email": "tess@example.com", "name": "Tess Example", "created": "2025-03-02T10:00:00Z",
          "payment_methods": [{"id": "pm_tess", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed"}],
          "charges": [
            {"id": "ch_tess_1", "amount": 1500, "currency": "usd", "created": "2026-11-01T00:05:00Z", "payment_method": "pm_tess", "status": "succeeded", "amount_refunded": 0, "disputed": false}
          ]
        }]
        """;

    [Fact]
    public async Task A_refund_the_customer_did_not_ask_for_is_refused_before_the_gate_and_a_yes_to_its_offer_goes_through_it()
    {
        await using var world = await SandboxWorld.StartAsync(Now, Tess);
        var knowledge = world.App.Services.GetRequiredService<IKnowledgeBase>();
        var audit = world.App.Services.GetRequiredService<IAuditLog>();

        var unasked = TurnOf("I see a charge of $15 on my card", accepted: []);
        var tools = new LeeTools(unasked, world.Gate, knowledge);
        var refused = await tools.RefundChargeAsync("ch_tess_1", null, "requested_by_customer", default);
        var asJson = await tools.Functions.Single(f => f.Name == "refund_charge")
            .InvokeAsync(new AIFunctionArguments { ["charge_id"] = "ch_tess_1", ["amount"] = null, ["reason"] = "requested_by_customer" });

        Assert.Null(refused);
        Assert.Contains("no_explicit_request", asJson?.ToString(), StringComparison.Ordinal);
        Assert.Empty(unasked.Outcomes);
        Assert.Empty(await audit.ListAsync(new AuditQuery(Customer: "cus_tess"), default));
        Assert.Empty(await world.EffectsAsync("POST", "/v1/refunds"));

        var yes = TurnOf("yes please", accepted: [Offer.Refund("ch_tess_1")]);
        var outcome = await new LeeTools(yes, world.Gate, knowledge).RefundChargeAsync("ch_tess_1", null, "requested_by_customer", default);

        Assert.NotNull(outcome);
        Assert.True(outcome.Succeeded, outcome.Message);
        Assert.Same(outcome, Assert.Single(yes.Outcomes));
        Assert.Single(await world.EffectsAsync("POST", "/v1/refunds"));
        Assert.Equal(1500, (long?)(await world.ObjectAsync("ch_tess_1"))["amount_refunded"]);
    }

    private static Turn TurnOf(string message, HashSet<Offer> accepted) => new(
        new Conversation("conv_tools", "cus_tess", "chat", ConversationState.Open, Now, 0, null, []),
        1,
        message,
        new Leeway.Agent.Understanding.Understanding(Intent.Other, 0.9, null, 0, new Entities([], [], [], [], []), new Signals(false, false, false, false, false, "en")),
        null,
        null,
        [],
        new PolicySettings())
    {
        Accepted = accepted,
    };
}
