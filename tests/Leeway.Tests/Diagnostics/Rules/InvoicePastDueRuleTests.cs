using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class InvoicePastDueRuleTests
{
    private static string World(string invoiceExtra, string subscriptionStatus = "active") => $$"""
        {"id": "cus_a",
         "payment_methods": [{"id": "pm_1", "brand": "visa", "last4": "4242", "exp_month": 2, "exp_year": 2029, "default": true}],
         "subscriptions": [{"id": "sub_1", "status": "{{subscriptionStatus}}", "items": [{"price": "p", "quantity": 1, "unit_amount": 1900}],
                            "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z"}],
         "invoices": [{"id": "in_1", "subscription": "sub_1", "status": "open", "amount_due": 1900, "currency": "usd", "created": "2026-11-01T00:00:00Z"{{invoiceExtra}}}]}
        """;

    [Fact]
    public void An_open_invoice_past_its_due_date_is_past_due_with_its_facts()
    {
        var finding = Assert.Single(ScenarioWorld.Evaluate(new InvoicePastDueRule(), World(""", "due_date": "2026-11-08T00:00:00Z", "attempt_count": 0"""), "2026-11-12T11:00:00Z"));

        Assert.Equal(RootCause.InvoicePastDue, finding.RootCause);
        Assert.Equal("in_1", finding.Facts[FactKeys.Invoice]);
        Assert.Equal("$19.00", finding.Facts[FactKeys.AmountDisplay]);
        Assert.Equal("2026-11-08T00:00:00Z", finding.Facts[FactKeys.DueDate]);
        Assert.Equal("4", finding.Facts[FactKeys.DaysOverdue]);
        Assert.Equal("Visa ending in 4242", finding.Facts[FactKeys.CardDisplay]);
    }

    [Fact]
    public void An_attempted_invoice_is_past_due_even_without_a_due_date()
    {
        Assert.Single(ScenarioWorld.Evaluate(new InvoicePastDueRule(), World(""", "attempt_count": 1"""), "2026-11-12T11:00:00Z"));
    }

    [Theory]
    [InlineData("past_due")]
    [InlineData("unpaid")]
    public void An_invoice_of_a_past_due_subscription_is_past_due(string status)
    {
        Assert.Single(ScenarioWorld.Evaluate(new InvoicePastDueRule(), World("", status), "2026-11-12T11:00:00Z"));
    }

    [Fact]
    public void A_fresh_invoice_not_yet_due_nor_attempted_is_not_past_due()
    {
        Assert.Empty(ScenarioWorld.Evaluate(new InvoicePastDueRule(), World(""", "due_date": "2026-11-20T00:00:00Z", "attempt_count": 0"""), "2026-11-12T11:00:00Z"));
    }

    [Fact]
    public void A_declined_invoice_has_a_more_specific_cause()
    {
        Assert.Empty(ScenarioWorld.Evaluate(new InvoicePastDueRule(), World(""", "due_date": "2026-11-08T00:00:00Z", "attempt_count": 1, "last_payment_error": "insufficient_funds" """), "2026-11-12T11:00:00Z"));
    }
}
