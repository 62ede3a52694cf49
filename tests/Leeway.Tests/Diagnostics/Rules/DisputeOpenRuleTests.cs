using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class DisputeOpenRuleTests
{
    private static string World(string status) => $$"""
        {"id": "cus_a", "charges": [{"id": "ch_1", "amount": 3000, "currency": "usd", "created": "2026-10-02T00:05:00Z", "invoice": "in_1", "status": "succeeded", "disputed": true}],
         "invoices": [{"id": "in_1", "status": "paid", "amount_due": 3000, "amount_paid": 3000, "created": "2026-10-02T00:00:00Z"}],
         "disputes": [{"id": "dp_1", "charge": "ch_1", "amount": 3000, "status": "{{status}}", "reason": "fraudulent", "created": "2026-11-03T00:00:00Z"}]}
        """;

    [Theory]
    [InlineData("warning_needs_response")]
    [InlineData("warning_under_review")]
    [InlineData("needs_response")]
    [InlineData("under_review")]
    public void An_open_dispute_is_found_with_its_charge_amount_and_reason(string status)
    {
        var finding = Assert.Single(ScenarioWorld.Evaluate(new DisputeOpenRule(), World(status), "2026-11-10T09:00:00Z"));

        Assert.Equal(RootCause.DisputeOpen, finding.RootCause);
        Assert.Equal(["dp_1", "ch_1", "in_1"], finding.ObjectIds);
        Assert.Equal("ch_1", finding.Facts[FactKeys.Charge]);
        Assert.Equal("3000", finding.Facts[FactKeys.Amount]);
        Assert.Equal("fraudulent", finding.Facts[FactKeys.DisputeReason]);
        Assert.Equal(status, finding.Facts[FactKeys.DisputeStatus]);
    }

    [Theory]
    [InlineData("won")]
    [InlineData("lost")]
    [InlineData("warning_closed")]
    public void A_closed_dispute_is_not_a_cause(string status)
    {
        Assert.Empty(ScenarioWorld.Evaluate(new DisputeOpenRule(), World(status), "2026-11-10T09:00:00Z"));
    }

    [Fact]
    public void Without_stripe_no_dispute_can_be_seen()
    {
        Assert.Empty(ScenarioWorld.Evaluate(new DisputeOpenRule(), World("needs_response"), "2026-11-10T09:00:00Z", null, "stripe"));
    }
}
