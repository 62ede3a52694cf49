using FsCheck.Xunit;
using Leeway.Audit;
using Leeway.Billing;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Facts;

namespace Leeway.Tests.Policy;

/// <summary>
/// Random policies and random request sequences (some repeated, some concurrent) against an in-memory world:
/// no automated effect ever exceeds a cap, a window, a count or an attempt limit, or moves money for a risky or disputed
/// customer; nothing is refunded twice; and every call, denials first of all, has exactly one audit entry.
/// </summary>
public class GatePropertyTests
{
    private static readonly Principal Customer = Principal.Customer("cus_p");

    [Property(MaxTest = 40, Arbitrary = [typeof(GateArbitraries)])]
    public void No_sequence_exceeds_a_cap_a_window_or_a_count_and_every_denial_is_audited(GateScenario scenario) =>
        Task.Run(() => RunAsync(scenario)).GetAwaiter().GetResult();

    private static async Task RunAsync(GateScenario scenario)
    {
        using var h = await GateHarness.CreateAsync(scenario.Policy, "cus_p");
        var policy = scenario.Policy;
        h.Billing.Risk = scenario.Risk;
        if (scenario.DisputeOpen)
        {
            h.Billing.OpenDisputes.Add("dp_1");
        }

        for (var i = 0; i < scenario.Charges.Count; i++)
        {
            var seed = scenario.Charges[i];
            var now = h.Time.GetUtcNow();
            h.Billing.Charges.Add(new ChargeFact($"ch_{i}", seed.Amount, seed.PriorRefund, "usd", "succeeded", now.AddDays(-seed.AgeDays),
                seed.PriorRefund > 0 ? [new RefundFact($"re_seed_{i}", seed.PriorRefund, "succeeded", now.AddDays(-seed.PriorRefundAgeDays))] : []));
        }

        for (var i = 0; i < scenario.Invoices.Count; i++)
        {
            h.Billing.Invoices[$"in_{i}"] = new InvoiceFact($"in_{i}", "open", scenario.Invoices[i].Attempts, 2900, "usd", scenario.Invoices[i].Error, "pm_default", null);
        }

        h.Billing.Subscriptions["sub_0"] = new SubscriptionFact("sub_0", "active", false, "usd");

        var calls = 0;
        var outcomes = new List<GateOutcome>();
        foreach (var step in scenario.Steps)
        {
            h.Time.Advance(TimeSpan.FromHours(step.AdvanceHours));
            var now = h.Time.GetUtcNow();
            var action = ActionOf(step, scenario);
            var (actor, approvedBy) = step.Actor switch
            {
                0 => (Actor.AgentLee, (string?)null),
                1 => (Actor.Tier0, null),
                2 => (Actor.Customer, null),
                _ => (Actor.Human("ana"), "ana"),
            };
            var automated = approvedBy is null;

            // What the world looked like just before: the rules must hold against it.
            var refundsIn90d = h.Billing.Charges.SelectMany(c => c.Refunds).Count(r => r.Counts && r.Created > now.AddDays(-90));
            var charges = h.Billing.Charges.ToDictionary(c => c.Id);
            var invoices = h.Billing.Invoices.ToDictionary();
            var effectsBefore = h.Billing.Effects.Count;

            var copies = step.Concurrent ? 3 : 1;
            var results = await Task.WhenAll(Enumerable.Range(0, copies).Select(_ =>
                Task.Run(() => h.Gate.ExecuteAsync(actor, Customer, action, $"decision_{step.DecisionKey}", default, approvedBy))));
            calls += copies;
            outcomes.AddRange(results);

            var effects = h.Billing.Effects.Skip(effectsBefore).ToList();
            Assert.True(effects.Count <= 1, $"one decision acted {effects.Count} times");
            if (effects.Count == 0 || !automated)
            {
                continue;
            }

            var effect = effects[0];
            Assert.False(scenario.DisputeOpen, "acted automatically while a dispute was open");
            Assert.NotEqual("high", scenario.Risk);
            if (effect.Type is "refund" or "credit" or "retry_payment")
            {
                Assert.True(policy.RiskAllowsMoneyMovement(scenario.Risk), $"moved money for a {scenario.Risk} customer under {policy.AutoActionsMaxRisk}");
            }

            switch (effect.Type)
            {
                case "refund":
                    Assert.True(effect.Amount <= policy.RefundAutoMax, $"refund {effect.Amount} over the cap {policy.RefundAutoMax}");
                    Assert.True(now - charges[effect.Target].Created <= TimeSpan.FromDays(policy.RefundWindowDays), "refund outside the window");
                    Assert.True(refundsIn90d < policy.AutoRefundsPerCustomer90d, $"refund with {refundsIn90d} refunds in 90 days, limit {policy.AutoRefundsPerCustomer90d}");
                    break;
                case "credit":
                    Assert.True(effect.Amount <= policy.CreditAutoMax, $"credit {effect.Amount} over the cap {policy.CreditAutoMax}");
                    break;
                case "retry_payment":
                    var invoice = invoices[effect.Target];
                    Assert.Equal("open", invoice.Status);
                    Assert.True(invoice.AttemptCount < policy.RetryMaxAttempts, $"retry at attempt {invoice.AttemptCount}, limit {policy.RetryMaxAttempts}");
                    Assert.False(invoice.LastPaymentError is { } code && DeclineCodes.Classify(code).Hard, "retried a hard decline");
                    break;
                case "cancel_subscription":
                    Assert.True(policy.CancelSelfServe, "cancelled with cancel_self_serve off");
                    break;
            }
        }

        Assert.All(h.Billing.Charges, c => Assert.True(c.AmountRefunded <= c.Amount, $"{c.Id} refunded {c.AmountRefunded} of {c.Amount}"));

        var entries = await h.Audit.ListAsync(new AuditQuery(Limit: 10_000), default);
        Assert.Equal(calls, entries.Count);
        var bySeq = entries.ToDictionary(e => e.Seq);
        foreach (var outcome in outcomes)
        {
            var entry = bySeq[Assert.IsType<long>(outcome.AuditEntryId)];
            Assert.Equal(outcome.Rule, entry.Rule);
            Assert.Equal(outcome.Allowed ? AuditDecision.Allowed : AuditDecision.Denied, entry.Decision);
        }

        var verification = await new AuditVerifier(h.Database.Database).VerifyAsync(default);
        Assert.True(verification.Intact, verification.Problem);
    }

    private static BillingAction ActionOf(GateScenario.Step step, GateScenario scenario) => step.Kind switch
    {
        0 => new RefundCharge($"ch_{step.Target % scenario.Charges.Count}", step.Amount, step.Reason),
        1 => new CreditBalance("cus_p", step.Amount ?? 1000, "usd", "goodwill"),
        2 => new RetryPayment($"in_{step.Target % scenario.Invoices.Count}"),
        3 => new CancelSubscription("sub_0"),
        _ => new CardUpdateLink("cus_p"),
    };
}
