using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class CustomerRiskRuleTests
{
    [Fact]
    public void A_high_risk_customer_is_blocked_and_the_open_invoice_named()
    {
        var world = """
            {"id": "cus_a", "risk": "high",
             "invoices": [{"id": "in_1", "status": "open", "amount_due": 2900, "currency": "usd", "created": "2026-11-01T00:00:00Z", "attempt_count": 1, "last_payment_error": "insufficient_funds"}]}
            """;

        var finding = Assert.Single(ScenarioWorld.Evaluate(new CustomerRiskRule(), world, "2026-11-10T09:00:00Z"));

        Assert.Equal(RootCause.PaymentBlockedRisk, finding.RootCause);
        Assert.Equal("high", finding.Facts[FactKeys.Risk]);
        Assert.Equal("in_1", finding.Facts[FactKeys.Invoice]);
        Assert.Contains("cus_a", finding.ObjectIds);
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("elevated")]
    public void Normal_and_elevated_risk_are_not_blocked(string risk)
    {
        Assert.Empty(ScenarioWorld.Evaluate(new CustomerRiskRule(), $$"""{"id": "cus_a", "risk": "{{risk}}"}""", "2026-11-10T09:00:00Z"));
    }
}
