using System.Text.Json;
using Leeway.Audit;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;

namespace Leeway.Tests.Policy;

/// <summary>The gate end to end over an in-memory world and a real audit log: one audit entry per call, one effect per decision.</summary>
public class GateTests
{
    private static readonly Principal Customer = Principal.Customer("cus_a");

    [Fact]
    public async Task An_allowed_refund_acts_once_and_is_audited_with_stripes_result()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddCharge("ch_2", 1500, TimeSpan.FromDays(9));

        var outcome = await h.Gate.ExecuteAsync(Actor.AgentLee, Customer, new RefundCharge("ch_2", null, "duplicate"), "conv_1:turn_1", default);

        Assert.True(outcome.Allowed && outcome.Succeeded, outcome.Message);
        Assert.Equal(1500, outcome.Result!.Amount);
        var effect = Assert.Single(h.Billing.Effects);
        Assert.Equal(("refund", "ch_2", 1500L), (effect.Type, effect.Target, effect.Amount!.Value));
        var entry = Assert.Single(await h.Audit.ListAsync(new AuditQuery(Customer: "cus_a"), default));
        Assert.Equal(outcome.AuditEntryId, entry.Seq);
        Assert.Equal(("agent-lee", "customer:cus_a", "refund", "allowed", "allowed"), (entry.Actor, entry.Principal, entry.Action, entry.Rule, entry.Decision));
        Assert.Equal(outcome.Result.StripeRequestId, entry.StripeRequestId);
        Assert.StartsWith("leeway:refund:", entry.IdempotencyKey);
        Assert.Contains("\"decision_key\":\"conv_1:turn_1\"", entry.Parameters);
    }

    [Fact]
    public async Task A_denial_names_the_rule_routes_to_a_human_and_is_audited()
    {
        using var h = await GateHarness.CreateAsync(new PolicySettings { RefundAutoMax = 1000 });
        h.AddCharge("ch_2", 1500, TimeSpan.FromDays(9));

        var outcome = await h.Gate.ExecuteAsync(Actor.AgentLee, Customer, new RefundCharge("ch_2", null, "duplicate"), "conv_1:turn_1", default);

        Assert.False(outcome.Allowed);
        Assert.Equal(GateRules.RefundAutoMax, outcome.Rule);
        Assert.Equal("a refund of $15.00 is over the $10.00 limit for automatic refunds", outcome.Message);
        Assert.True(outcome.HumanCanGrant);
        Assert.Empty(h.Billing.Effects);
        var entry = Assert.Single(await h.Audit.ListAsync(new AuditQuery(Customer: "cus_a"), default));
        Assert.Equal((AuditDecision.Denied, GateRules.RefundAutoMax), (entry.Decision, entry.Rule));
        Assert.Contains("over the $10.00 limit", entry.Outcome);
    }

    [Fact]
    public async Task Fifty_concurrent_identical_requests_act_once_and_all_say_so()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddCharge("ch_2", 1500, TimeSpan.FromDays(9));
        var action = new RefundCharge("ch_2", null, "duplicate");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => h.Gate.ExecuteAsync(Actor.AgentLee, Customer, action, "conv_1:turn_1", default))));

        Assert.Single(h.Billing.Effects);
        Assert.All(outcomes, o => Assert.True(o.Allowed && o.Succeeded, o.Message));
        Assert.Equal(49, outcomes.Count(o => o.Replayed));
        Assert.Single(outcomes.Select(o => o.Result!.ObjectId).Distinct());
        Assert.Equal(50, (await h.Audit.ListAsync(new AuditQuery(Customer: "cus_a"), default)).Count);
    }

    [Fact]
    public async Task A_double_clicked_one_click_fix_acts_once()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddInvoice("in_1");

        var clicks = await Task.WhenAll(
            h.Gate.ExecuteAsync(Actor.Customer, Customer, new RetryPayment("in_1"), "fix:payment_failed:in_1", default),
            h.Gate.ExecuteAsync(Actor.Customer, Customer, new RetryPayment("in_1"), "fix:payment_failed:in_1", default));

        Assert.Single(h.Billing.Effects);
        Assert.All(clicks, c => Assert.True(c.Succeeded));
    }

    [Fact]
    public async Task Two_different_concurrent_refunds_cannot_both_pass_a_count_of_one()
    {
        using var h = await GateHarness.CreateAsync(new PolicySettings { AutoRefundsPerCustomer90d = 1 });
        h.AddCharge("ch_1", 1000, TimeSpan.FromDays(2));
        h.AddCharge("ch_2", 1000, TimeSpan.FromDays(2));

        var outcomes = await Task.WhenAll(
            Task.Run(() => h.Gate.ExecuteAsync(Actor.AgentLee, Customer, new RefundCharge("ch_1", null, "requested_by_customer"), "a", default)),
            Task.Run(() => h.Gate.ExecuteAsync(Actor.Tier0, Customer, new RefundCharge("ch_2", null, "duplicate"), "b", default)));

        Assert.Single(h.Billing.Effects);
        Assert.Single(outcomes, o => o.Allowed);
        Assert.Single(outcomes, o => o.Rule == GateRules.AutoRefundsPerCustomer90d);
    }

    [Fact]
    public async Task The_same_action_under_another_decision_key_is_a_new_decision()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddCharge("ch_1", 2000, TimeSpan.FromDays(2));

        var first = await h.Gate.ExecuteAsync(Actor.AgentLee, Customer, new RefundCharge("ch_1", 400, "requested_by_customer"), "turn_1", default);
        var second = await h.Gate.ExecuteAsync(Actor.AgentLee, Customer, new RefundCharge("ch_1", 400, "requested_by_customer"), "turn_2", default);
        var third = await h.Gate.ExecuteAsync(Actor.AgentLee, Customer, new RefundCharge("ch_1", 400, "requested_by_customer"), "turn_3", default);

        Assert.True(first.Succeeded);
        Assert.True(second.Succeeded);
        Assert.Equal(GateRules.AutoRefundsPerCustomer90d, third.Rule);
        Assert.Equal(2, h.Billing.Effects.Count);
    }

    [Fact]
    public async Task A_staff_action_over_a_limit_needs_approval_and_records_the_person()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddCharge("ch_big", 24000, TimeSpan.FromDays(9));
        var staff = Principal.Staff("ana");

        var unapproved = await h.Gate.ExecuteAsync(Actor.Human("ana", StaffRoles.Lead), staff, new RefundCharge("ch_big", null, "requested_by_customer"), "case_1", default);
        var approved = await h.Gate.ExecuteAsync(Actor.Human("ana", StaffRoles.Lead), staff, new RefundCharge("ch_big", null, "requested_by_customer"), "case_1:approved", default, approvedBy: "ana");

        Assert.Equal(GateRules.RefundAutoMax, unapproved.Rule);
        Assert.True(approved.Succeeded, approved.Message);
        var entries = await h.Audit.ListAsync(new AuditQuery(Customer: "cus_a"), default);
        Assert.Equal(["human:ana", "human:ana"], entries.Select(e => e.Actor));
        Assert.Equal("ana", entries[1].ApprovedBy);
        Assert.Equal("staff:ana", entries[1].Principal);
        Assert.Contains(GateRules.RefundAutoMax, JsonDocument.Parse(entries[1].Outcome!).RootElement.GetProperty("waived").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Another_customers_object_is_refused_without_saying_whose_it_is()
    {
        using var h = await GateHarness.CreateAsync();
        h.Billing.Foreign["in_theirs"] = "cus_b";

        var outcome = await h.Gate.ExecuteAsync(Actor.AgentLee, Customer, new RetryPayment("in_theirs"), "t1", default);

        Assert.Equal(GateRules.Ownership, outcome.Rule);
        Assert.False(outcome.HumanCanGrant);
        Assert.DoesNotContain("cus_b", outcome.Message);
        Assert.Empty(h.Billing.Effects);
        Assert.Single(await h.Audit.ListAsync(new AuditQuery(Decision: AuditDecision.Denied), default));
    }

    [Fact]
    public async Task Evaluate_decides_without_acting_or_auditing()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddInvoice("in_1", attempts: 4);

        var outcome = await h.Gate.EvaluateAsync(Actor.AgentLee, Customer, new RetryPayment("in_1"), default);

        Assert.Equal(GateRules.RetryMaxAttempts, outcome.Rule);
        Assert.Empty(h.Billing.Effects);
        Assert.Empty(await h.Audit.ListAsync(new AuditQuery(), default));
    }

    [Fact]
    public void The_idempotency_key_depends_on_the_decision_not_on_the_actor()
    {
        var action = new RefundCharge("ch_1", null, "duplicate");

        var lee = IdempotencyKeys.For(Customer, "d1", action);

        Assert.Matches("^leeway:refund:[0-9a-f]{32}$", lee);
        Assert.Equal(lee, IdempotencyKeys.For(Customer, "d1", action with { }));
        Assert.NotEqual(lee, IdempotencyKeys.For(Customer, "d2", action));
        Assert.NotEqual(lee, IdempotencyKeys.For(Customer, "d1", action with { Amount = 100 }));
        Assert.NotEqual(lee, IdempotencyKeys.For(Principal.Customer("cus_b"), "d1", action));
    }
}
