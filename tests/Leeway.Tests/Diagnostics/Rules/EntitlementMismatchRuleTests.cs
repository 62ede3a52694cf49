using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class EntitlementMismatchRuleTests
{
    private const string Now = "2026-11-06T16:45:00Z";

    private static string World(string subscriptionStatus, string entitlements) => $$"""
        {"id": "cus_a",
         "subscriptions": [{"id": "sub_1", "status": "{{subscriptionStatus}}", "items": [{"price": "p", "quantity": 1, "unit_amount": 3000}],
                            "current_period_start": "2026-11-03T00:00:00Z", "current_period_end": "2026-12-03T00:00:00Z"}],
         "entitlements": {{entitlements}}}
        """;

    [Theory]
    [InlineData("active")]
    [InlineData("trialing")]
    [InlineData("past_due")]
    public void A_feature_its_live_subscription_grants_but_is_off_is_a_mismatch(string status)
    {
        var world = World(status, """[{"feature": "team", "active": true, "source": "sub_1"}, {"feature": "sso", "active": false, "source": "sub_1"}]""");

        var finding = Assert.Single(ScenarioWorld.Evaluate(new EntitlementMismatchRule(), world, Now));

        Assert.Equal(RootCause.EntitlementMismatch, finding.RootCause);
        Assert.Equal("sso", finding.Facts[FactKeys.Feature]);
        Assert.Equal("paid_not_active", finding.Facts[FactKeys.Mismatch]);
        Assert.Equal("sub_1", finding.Facts[FactKeys.Subscription]);
        Assert.Equal(["sub_1"], finding.ObjectIds);
    }

    [Fact]
    public void A_feature_still_on_after_its_subscription_was_canceled_is_a_mismatch()
    {
        var finding = Assert.Single(ScenarioWorld.Evaluate(new EntitlementMismatchRule(), World("canceled", """[{"feature": "sso", "active": true, "source": "sub_1"}]"""), Now));

        Assert.Equal("active_without_subscription", finding.Facts[FactKeys.Mismatch]);
    }

    [Theory]
    [InlineData("active", true)]
    [InlineData("canceled", false)]
    [InlineData("unpaid", true)]
    [InlineData("unpaid", false)]
    public void Agreeing_or_undecidable_states_are_no_mismatch(string status, bool active)
    {
        Assert.Empty(ScenarioWorld.Evaluate(new EntitlementMismatchRule(), World(status, $$"""[{"feature": "sso", "active": {{(active ? "true" : "false")}}, "source": "sub_1"}]"""), Now));
    }

    [Theory]
    [InlineData("manual")]
    [InlineData("promotion")]
    [InlineData("sub_unknown")]
    public void Sources_billing_does_not_govern_are_never_contradicted(string source)
    {
        var world = World("canceled", $$"""[{"feature": "sso", "active": true, "source": "{{source}}"}, {"feature": "beta", "active": false, "source": "{{source}}"}]""");

        Assert.Empty(ScenarioWorld.Evaluate(new EntitlementMismatchRule(), world, Now));
    }

    [Fact]
    public void The_generic_subscription_source_means_the_customers_subscriptions_in_general()
    {
        Assert.Empty(ScenarioWorld.Evaluate(new EntitlementMismatchRule(), World("active", """[{"feature": "seats", "active": true, "source": "subscription"}]"""), Now));
        Assert.Single(ScenarioWorld.Evaluate(new EntitlementMismatchRule(), World("active", """[{"feature": "seats", "active": false, "source": "subscription"}]"""), Now));
        Assert.Single(ScenarioWorld.Evaluate(new EntitlementMismatchRule(), World("canceled", """[{"feature": "seats", "active": true, "source": "subscription"}]"""), Now));
    }

    [Theory]
    [InlineData("stripe")]
    [InlineData("entitlements")]
    public void Without_both_sources_nothing_can_be_compared(string down)
    {
        var world = World("active", """[{"feature": "sso", "active": false, "source": "sub_1"}]""");

        Assert.Empty(ScenarioWorld.Evaluate(new EntitlementMismatchRule(), world, Now, null, down));
    }
}
