using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;
using Leeway.Storage;

namespace Leeway.Tests.Diagnostics;

public sealed class PrecedenceTests
{
    /// <summary>The scenario format's table, row by row, in its precedence order.</summary>
    public static TheoryData<string, string, string, bool> FormatTable => new()
    {
        { "dispute_open", "red", "contact_human", false },
        { "payment_blocked_risk", "red", "contact_human", false },
        { "payment_failed_insufficient_funds", "red", "retry_payment", true },
        { "payment_failed_card_expired", "red", "update_card", true },
        { "payment_failed_incorrect_details", "red", "update_card", true },
        { "payment_failed_authentication_required", "red", "authenticate_payment", true },
        { "payment_failed_card_declined", "red", "contact_bank", true },
        { "payment_link_expired", "amber", "regenerate_link", true },
        { "invoice_past_due", "red", "retry_payment", true },
        { "duplicate_charge", "amber", "refund_duplicate", true },
        { "source_unavailable", "amber", "contact_human", false },
        { "entitlement_mismatch", "red", "contact_human", false },
        { "usage_spike", "amber", "explain_usage", false },
        { "card_expiring_soon", "amber", "update_card", true },
        { "refund_in_progress", "green", "explain_refund", false },
        // Beyond the format's table (the product may know more), last before none so a format code wins wherever it applies.
        { "payment_due", "amber", "pay_with_link", true },
        { "none", "green", "none", false },
    };

    [Theory]
    [MemberData(nameof(FormatTable))]
    public void Each_root_cause_fixes_status_action_and_self_serve_as_the_format_says(string code, string status, string action, bool selfServe)
    {
        var cause = WireName.Parse<RootCause>(code);
        Assert.Equal(new RootCauseTraits(cause, status, WireName.Parse<RecommendedAction>(action), selfServe), cause.Traits());
    }

    [Fact]
    public void The_precedence_is_the_formats_order()
    {
        Assert.Equal(FormatTable.Select(row => (string)row[0]), RootCauses.All.Select(c => WireName.Of(c.Code)));
    }

    /// <summary>A world where nearly every cause holds at once.</summary>
    private const string Everything = """
        {"id": "cus_a", "risk": "high",
         "payment_methods": [{"id": "pm_1", "brand": "visa", "last4": "4242", "exp_month": 11, "exp_year": 2026, "default": true}],
         "subscriptions": [{"id": "sub_1", "status": "active", "items": [{"price": "p", "quantity": 1, "unit_amount": 1500}],
                            "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z"}],
         "invoices": [{"id": "in_paid", "subscription": "sub_1", "status": "paid", "amount_due": 1500, "amount_paid": 1500, "created": "2026-11-01T00:00:00Z"},
                      {"id": "in_declined", "status": "open", "amount_due": 900, "created": "2026-11-02T00:00:00Z", "attempt_count": 1, "last_payment_error": "insufficient_funds"},
                      {"id": "in_overdue", "status": "open", "amount_due": 700, "created": "2026-10-20T00:00:00Z", "due_date": "2026-11-01T00:00:00Z"}],
         "charges": [{"id": "ch_1", "amount": 1500, "currency": "usd", "created": "2026-11-01T00:05:00Z", "invoice": "in_paid", "status": "succeeded"},
                     {"id": "ch_2", "amount": 1500, "currency": "usd", "created": "2026-11-01T00:06:00Z", "invoice": "in_paid", "status": "succeeded"},
                     {"id": "ch_old", "amount": 3000, "currency": "usd", "created": "2026-09-01T00:00:00Z", "status": "succeeded", "disputed": true},
                     {"id": "ch_refunded", "amount": 500, "currency": "usd", "created": "2026-10-01T00:00:00Z", "status": "succeeded", "amount_refunded": 500}],
         "refunds": [{"id": "re_1", "charge": "ch_refunded", "amount": 500, "status": "pending", "created": "2026-11-18T00:00:00Z"}],
         "disputes": [{"id": "dp_1", "charge": "ch_old", "amount": 3000, "status": "under_review", "created": "2026-10-01T00:00:00Z"}],
         "checkout_sessions": [{"id": "cs_1", "mode": "payment", "status": "expired", "expires_at": "2026-11-05T00:00:00Z", "amount_total": 4900}],
         "entitlements": [{"feature": "sso", "active": false, "source": "sub_1"}],
         "usage": [{"meter": "api", "period_start": "2026-09-01T00:00:00Z", "period_end": "2026-10-01T00:00:00Z", "quantity": 1, "amount": 100},
                   {"meter": "api", "period_start": "2026-10-01T00:00:00Z", "period_end": "2026-11-01T00:00:00Z", "quantity": 9, "amount": 900}]}
        """;

    [Fact]
    public void When_many_causes_hold_every_one_is_a_finding_in_precedence_order_and_the_first_decides()
    {
        var diagnosis = RuleEngine.Diagnose("cus_a", ScenarioWorld.Input(ScenarioWorld.Customer(Everything), "2026-11-20T00:00:00Z"), []);

        Assert.Equal(
            [
                "dispute_open", "payment_blocked_risk", "payment_failed_insufficient_funds", "payment_link_expired", "invoice_past_due",
                "duplicate_charge", "entitlement_mismatch", "usage_spike", "card_expiring_soon", "refund_in_progress",
            ],
            diagnosis.Findings.Select(f => WireName.Of(f.RootCause)));
        Assert.Equal(("dispute_open", "red", "contact_human", false), (WireName.Of(diagnosis.RootCause), diagnosis.Status, WireName.Of(diagnosis.RecommendedAction), diagnosis.SelfServeEligible));
        Assert.Equal("dp_1", diagnosis.Primary!.Facts[FactKeys.Dispute]);
    }

    [Fact]
    public void With_stripe_down_no_stripe_cause_is_seen_and_the_missing_source_decides()
    {
        var diagnosis = RuleEngine.Diagnose("cus_a", ScenarioWorld.Input(ScenarioWorld.Customer(Everything), "2026-11-20T00:00:00Z", null, "stripe"), []);

        Assert.Equal(["source_unavailable", "usage_spike"], diagnosis.Findings.Select(f => WireName.Of(f.RootCause)));
        Assert.Equal("stripe", diagnosis.Primary!.Facts[FactKeys.Source]);
        Assert.Equal(("amber", "contact_human", false), (diagnosis.Status, WireName.Of(diagnosis.RecommendedAction), diagnosis.SelfServeEligible));
    }

    [Fact]
    public void A_payment_cause_outranks_a_missing_source()
    {
        var world = """
            {"id": "cus_a", "invoices": [{"id": "in_1", "status": "open", "amount_due": 900, "created": "2026-11-02T00:00:00Z", "attempt_count": 1, "last_payment_error": "expired_card"}]}
            """;

        var diagnosis = RuleEngine.Diagnose("cus_a", ScenarioWorld.Input(ScenarioWorld.Customer(world), "2026-11-20T00:00:00Z", null, "usage", "entitlements"), []);

        Assert.Equal("payment_failed_card_expired", WireName.Of(diagnosis.RootCause));
        Assert.Equal(["usage", "entitlements"], diagnosis.Findings.Where(f => WireName.Of(f.RootCause) == "source_unavailable").Select(f => f.Facts[FactKeys.Source]));
    }

    [Fact]
    public void Nothing_wrong_is_none_with_no_findings()
    {
        var diagnosis = RuleEngine.Diagnose("cus_a", ScenarioWorld.Input(ScenarioWorld.Customer("""{"id": "cus_a"}"""), "2026-11-20T00:00:00Z"), []);

        Assert.Equal(("none", "green", "none", false), (WireName.Of(diagnosis.RootCause), diagnosis.Status, WireName.Of(diagnosis.RecommendedAction), diagnosis.SelfServeEligible));
        Assert.Empty(diagnosis.Findings);
        Assert.Null(diagnosis.Primary);
    }
}
