using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class CardExpiringSoonRuleTests
{
    private static string World(int expMonth, int expYear, string status = "active", bool cancelAtPeriodEnd = false) => $$"""
        {"id": "cus_a",
         "payment_methods": [{"id": "pm_old", "brand": "visa", "last4": "1111", "exp_month": 1, "exp_year": 2030, "default": false},
                             {"id": "pm_1", "brand": "visa", "last4": "5556", "exp_month": {{expMonth}}, "exp_year": {{expYear}}, "default": true}],
         "subscriptions": [{"id": "sub_1", "status": "{{status}}", "cancel_at_period_end": {{(cancelAtPeriodEnd ? "true" : "false")}},
                            "items": [{"price": "p", "quantity": 1, "unit_amount": 4900}],
                            "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z"}]}
        """;

    [Fact]
    public void A_default_card_valid_through_november_expires_before_a_december_first_renewal()
    {
        var finding = Assert.Single(ScenarioWorld.Evaluate(new CardExpiringSoonRule(), World(11, 2026), "2026-11-20T10:00:00Z"));

        Assert.Equal(RootCause.CardExpiringSoon, finding.RootCause);
        Assert.Equal("pm_1", finding.Facts[FactKeys.PaymentMethod]);
        Assert.Equal("5556", finding.Facts[FactKeys.CardLast4]);
        Assert.Equal("2026-12-01T00:00:00Z", finding.Facts[FactKeys.CardExpiresAt]);
        Assert.Equal("2026-12-01T00:00:00Z", finding.Facts[FactKeys.RenewalAt]);
        Assert.Equal(["pm_1", "sub_1"], finding.ObjectIds);
    }

    [Fact]
    public void A_card_valid_through_the_renewal_month_is_fine()
    {
        Assert.Empty(ScenarioWorld.Evaluate(new CardExpiringSoonRule(), World(12, 2026), "2026-11-20T10:00:00Z"));
    }

    [Theory]
    [InlineData("canceled", false)]
    [InlineData("active", true)]
    public void Without_a_renewal_coming_there_is_nothing_to_expire_before(string status, bool cancelAtPeriodEnd)
    {
        Assert.Empty(ScenarioWorld.Evaluate(new CardExpiringSoonRule(), World(11, 2026, status, cancelAtPeriodEnd), "2026-11-20T10:00:00Z"));
    }
}
