using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class RefundInProgressRuleTests
{
    private static string World(string status) => $$"""
        {"id": "cus_a",
         "payment_methods": [{"id": "pm_1", "brand": "visa", "last4": "1117", "exp_month": 6, "exp_year": 2028, "default": true}],
         "charges": [{"id": "ch_1", "amount": 3900, "currency": "usd", "created": "2026-11-04T16:01:00Z", "payment_method": "pm_1", "status": "succeeded", "amount_refunded": 3900}],
         "refunds": [{"id": "re_1", "charge": "ch_1", "amount": 3900, "status": "{{status}}", "created": "2026-11-10T10:00:00Z"}]}
        """;

    [Fact]
    public void A_pending_refund_is_found_with_when_it_should_arrive()
    {
        var finding = Assert.Single(ScenarioWorld.Evaluate(new RefundInProgressRule(), World("pending"), "2026-11-13T14:00:00Z"));

        Assert.Equal(RootCause.RefundInProgress, finding.RootCause);
        Assert.Equal("re_1", finding.Facts[FactKeys.Refund]);
        Assert.Equal("ch_1", finding.Facts[FactKeys.Charge]);
        Assert.Equal("$39.00", finding.Facts[FactKeys.AmountDisplay]);
        Assert.Equal("2026-11-24T10:00:00Z", finding.Facts[FactKeys.RefundExpectedBy]); // 10 business days after Tuesday the 10th
        Assert.Equal("Visa ending in 1117", finding.Facts[FactKeys.CardDisplay]);
    }

    [Theory]
    [InlineData("succeeded")]
    [InlineData("failed")]
    public void A_settled_refund_is_not_in_progress(string status)
    {
        Assert.Empty(ScenarioWorld.Evaluate(new RefundInProgressRule(), World(status), "2026-11-13T14:00:00Z"));
    }

    [Fact]
    public void Business_days_skip_weekends()
    {
        var friday = ScenarioWorld.Time("2026-11-13T10:00:00Z");

        Assert.Equal(ScenarioWorld.Time("2026-11-16T10:00:00Z"), RefundInProgressRule.AddBusinessDays(friday, 1));
        Assert.Equal(ScenarioWorld.Time("2026-11-20T10:00:00Z"), RefundInProgressRule.AddBusinessDays(friday, 5));
    }
}
