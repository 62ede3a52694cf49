using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;
using Leeway.Policy;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Stripe;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class PaymentFailureRuleTests
{
    private static string World(string error, string status = "open", string currency = "usd") => $$"""
        {"id": "cus_a",
         "payment_methods": [{"id": "pm_1", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2028, "default": true}],
         "subscriptions": [{"id": "sub_1", "status": "past_due", "items": [{"price": "price_x", "quantity": 1, "unit_amount": 2000}],
                            "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z"}],
         "invoices": [{"id": "in_1", "subscription": "sub_1", "status": "{{status}}", "amount_due": 2000, "currency": "{{currency}}",
                       "created": "2026-11-01T00:00:00Z", "due_date": "2026-11-08T00:00:00Z", "attempt_count": 2,
                       "next_payment_attempt": "2026-11-13T08:00:00Z", "last_payment_error": "{{error}}"}]}
        """;

    [Theory]
    [InlineData("insufficient_funds", RootCause.PaymentFailedInsufficientFunds)]
    [InlineData("expired_card", RootCause.PaymentFailedCardExpired)]
    [InlineData("incorrect_cvc", RootCause.PaymentFailedIncorrectDetails)]
    [InlineData("incorrect_zip", RootCause.PaymentFailedIncorrectDetails)]
    [InlineData("authentication_required", RootCause.PaymentFailedAuthenticationRequired)]
    [InlineData("do_not_honor", RootCause.PaymentFailedCardDeclined)]
    [InlineData("generic_decline", RootCause.PaymentFailedCardDeclined)]
    [InlineData("stolen_card", RootCause.PaymentBlockedRisk)]
    [InlineData("fraudulent", RootCause.PaymentBlockedRisk)]
    public void A_declined_open_invoice_is_classified_by_its_decline_code(string code, RootCause rootCause)
    {
        var finding = Assert.Single(ScenarioWorld.Evaluate(new PaymentFailureRule(), World(code), "2026-11-10T09:00:00Z"));

        Assert.Equal(rootCause, finding.RootCause);
        Assert.Equal(code, finding.Facts[FactKeys.DeclineCode]);
    }

    [Fact]
    public void The_finding_carries_what_an_agent_needs_to_act_and_explain()
    {
        var finding = Assert.Single(ScenarioWorld.Evaluate(new PaymentFailureRule(), World("insufficient_funds", currency: "eur"), "2026-11-10T09:00:00Z"));

        Assert.Equal(["in_1", "pi_in_1", "pm_1", "sub_1"], finding.ObjectIds);
        Assert.Equal("in_1", finding.Facts[FactKeys.Invoice]);
        Assert.Equal("2000", finding.Facts[FactKeys.Amount]);
        Assert.Equal("eur", finding.Facts[FactKeys.Currency]);
        Assert.Equal("€20.00", finding.Facts[FactKeys.AmountDisplay]);
        Assert.Equal("true", finding.Facts[FactKeys.Retryable]);
        Assert.Equal("2", finding.Facts[FactKeys.AttemptCount]);
        Assert.Equal("2026-11-13T08:00:00Z", finding.Facts[FactKeys.NextPaymentAttempt]);
        Assert.Equal("2026-11-08T00:00:00Z", finding.Facts[FactKeys.DueDate]);
        Assert.Equal("visa", finding.Facts[FactKeys.CardBrand]);
        Assert.Equal("4242", finding.Facts[FactKeys.CardLast4]);
        Assert.Equal("Visa ending in 4242", finding.Facts[FactKeys.CardDisplay]);
        Assert.Equal("past_due", finding.Facts[FactKeys.SubscriptionStatus]);
    }

    [Fact]
    public void A_paid_invoice_with_an_old_decline_is_not_a_cause()
    {
        Assert.Empty(ScenarioWorld.Evaluate(new PaymentFailureRule(), World("insufficient_funds", status: "paid"), "2026-11-10T09:00:00Z"));
    }

    [Fact]
    public void A_payment_intent_waiting_for_the_customer_is_authentication_whatever_its_last_error()
    {
        var snapshot = ScenarioWorld.Snapshot(ScenarioWorld.Customer(World("card_declined")));
        ((List<PaymentIntent>)snapshot.PaymentIntents)[0].Status = "requires_action";

        var finding = Assert.Single(new PaymentFailureRule().Evaluate(Input(snapshot)));

        Assert.Equal(RootCause.PaymentFailedAuthenticationRequired, finding.RootCause);
    }

    [Fact]
    public void Without_a_payment_intent_error_the_latest_failed_charge_on_the_invoice_tells_the_decline()
    {
        var snapshot = ScenarioWorld.Snapshot(ScenarioWorld.Customer(World("insufficient_funds")));
        ((List<PaymentIntent>)snapshot.PaymentIntents)[0].LastPaymentError = null;
        var failed = new Charge
        {
            Id = "ch_failed",
            Status = "failed",
            Amount = 2000,
            Currency = "usd",
            Created = new DateTime(2026, 11, 2, 0, 0, 0, DateTimeKind.Utc),
            FailureCode = "card_declined",
            Outcome = new ChargeOutcome { Reason = "expired_card", Type = "issuer_declined" },
        };
        snapshot = snapshot with
        {
            Charges = [failed],
            InvoiceIdByCharge = new Dictionary<string, string> { ["ch_failed"] = "in_1" },
        };

        var finding = Assert.Single(new PaymentFailureRule().Evaluate(Input(snapshot)));

        Assert.Equal(RootCause.PaymentFailedCardExpired, finding.RootCause);
    }

    private static DiagnosisInput Input(BillingSnapshot snapshot) =>
        new(snapshot, [], [], [], new PolicySettings(), ScenarioWorld.Time("2026-11-10T09:00:00Z"));
}
