using Leeway.Agent.Understanding;
using Leeway.Routing;

namespace Leeway.Tests.Routing;

public sealed class RoutingTableTests
{
    private readonly RoutingTable router = new();

    [Theory]
    // intent, authenticated, risk, plan, self-serve eligible, expected tier, rule, Tier 1 first
    [InlineData(Intent.TalkToHuman, true, "normal", "pro", null, Tier.Human, "asks_for_human", false)]
    [InlineData(Intent.Dispute, true, "normal", "pro", true, Tier.Human, "dispute", false)]
    [InlineData(Intent.PaymentFailed, true, "high", "pro", true, Tier.Human, "high_risk", false)]
    [InlineData(Intent.PaymentFailed, true, "HIGH", "pro", true, Tier.Human, "high_risk", false)]
    [InlineData(Intent.CancelSubscription, true, "normal", "enterprise", null, Tier.Human, "enterprise_cancel", false)]
    [InlineData(Intent.CancelSubscription, true, "normal", "pro", null, Tier.Agent, "agent_acts", false)]
    [InlineData(Intent.RefundRequest, false, "normal", "free", null, Tier.Human, "unverified_money", false)]
    [InlineData(Intent.UnrecognizedCharge, false, "normal", "free", null, Tier.Human, "unverified_money", false)]
    [InlineData(Intent.RefundRequest, true, "elevated", "pro", null, Tier.Agent, "agent_acts", false)]
    [InlineData(Intent.BillingQuestion, false, "normal", "free", null, Tier.Agent, "general_question", false)]
    [InlineData(Intent.UsageQuestion, true, "normal", "pro", null, Tier.Agent, "general_question", false)]
    [InlineData(Intent.PaymentFailed, false, "normal", "pro", null, Tier.Agent, "unverified_sign_in", false)]
    [InlineData(Intent.PaymentFailed, true, "normal", "pro", null, Tier.SelfHeal, "self_serve_fix", true)]
    [InlineData(Intent.UpdateCard, true, "elevated", "free", true, Tier.SelfHeal, "self_serve_fix", true)]
    [InlineData(Intent.RetryPayment, true, "normal", "pro", false, Tier.Agent, "agent_acts", false)]
    [InlineData(Intent.PaymentLink, true, "normal", "pro", true, Tier.SelfHeal, "self_serve_fix", true)]
    [InlineData(Intent.AccessIssue, true, "normal", "pro", true, Tier.Agent, "agent_acts", false)]
    [InlineData(Intent.DuplicateCharge, true, "normal", "pro", null, Tier.Agent, "agent_acts", false)]
    public void Routes_by_the_table(string intent, bool authenticated, string risk, string plan, bool? selfServe, int tier, string rule, bool tier1First)
    {
        var decision = router.Route(new ContactFacts("chat", intent, 0.9, authenticated, plan, risk, selfServe));

        Assert.Equal((tier, rule, tier1First), (decision.Tier, decision.Rule, decision.Tier1First));
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Fact]
    public void Every_contact_gets_a_tier_and_a_person_is_always_reachable()
    {
        var names = RoutingTable.Rules.Select(r => r.Name).ToHashSet();
        foreach (var intent in Intent.All.Append("an_intent_from_a_newer_model"))
        {
            foreach (var authenticated in new[] { true, false })
            {
                foreach (var risk in new[] { "normal", "elevated", "high", "unknown" })
                {
                    foreach (var plan in new[] { "free", "pro", "enterprise" })
                    {
                        foreach (var selfServe in new bool?[] { null, true, false })
                        {
                            var decision = router.Route(new ContactFacts("email", intent, 0.3, authenticated, plan, risk, selfServe));
                            Assert.InRange(decision.Tier, Tier.SelfHeal, Tier.Human);
                            Assert.True(decision.HumanReachable);
                            Assert.Contains(decision.Rule, names);
                            // Only a proven customer gets self-serve fixes; a Tier 1 decision always says Lee comes next.
                            Assert.Equal(decision.Tier == Tier.SelfHeal, decision.Tier1First);
                            Assert.True(authenticated || decision.Tier != Tier.SelfHeal);
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public void Safety_rows_come_before_cost_rows()
    {
        // High risk beats a self-serve fix; an explicit ask for a person beats everything.
        Assert.Equal(Tier.Human, router.Route(new ContactFacts("dashboard", Intent.UpdateCard, 1, true, "pro", "high", true)).Tier);
        Assert.Equal("asks_for_human", router.Route(new ContactFacts("email", Intent.TalkToHuman, 1, false, "enterprise", "high", false)).Rule);
    }
}
