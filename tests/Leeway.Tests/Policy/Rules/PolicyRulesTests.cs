using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Facts;
using Leeway.Policy.Rules;

namespace Leeway.Tests.Policy.Rules;

/// <summary>Each rule over in-memory facts: who may do what, and that a denial names the rule and the numbers.</summary>
public class PolicyRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 16, 12, 0, 0, TimeSpan.Zero);
    private static readonly Principal Cleo = Principal.Customer("cus_cleo");

    private static GateFacts Facts(params ChargeFact[] charges) => new()
    {
        CustomerId = "cus_cleo",
        Owners = new Dictionary<string, string?>
        {
            ["cus_cleo"] = "cus_cleo",
            ["ch_1"] = "cus_cleo",
            ["ch_2"] = "cus_cleo",
            ["ch_other"] = "cus_other",
            ["in_1"] = "cus_cleo",
            ["sub_1"] = "cus_cleo",
            ["cs_old"] = "cus_cleo",
        },
        Charges = charges,
        Subscriptions = [new SubscriptionFact("sub_1", "active", false, "usd")],
    };

    private static ChargeFact Charge(string id, long amount, int daysAgo, long refunded = 0, params RefundFact[] refunds) =>
        new(id, amount, refunded, "usd", "succeeded", Now.AddDays(-daysAgo), refunds);

    private static PolicyDecision Evaluate(BillingAction action, GateFacts facts, PolicySettings? policy = null, Actor? actor = null, string? approvedBy = null, Principal? principal = null) =>
        PolicyRules.Evaluate(policy ?? new PolicySettings(), actor ?? Actor.AgentLee, principal ?? Cleo, action, facts, Now, approvedBy);

    [Fact]
    public void A_refund_within_every_limit_is_allowed_for_the_charge_remainder()
    {
        var decision = Evaluate(new RefundCharge("ch_1", null, "duplicate"), Facts(Charge("ch_1", 1500, 9)));

        Assert.True(decision.Allowed, decision.Message);
        Assert.Equal(GateRules.Allowed, decision.Rule);
        Assert.Equal(1500, decision.Amount);
    }

    [Fact]
    public void A_refund_over_the_cap_names_the_rule_and_both_amounts()
    {
        var decision = Evaluate(new RefundCharge("ch_1", null, "requested_by_customer"), Facts(Charge("ch_1", 24000, 9)), new PolicySettings { RefundAutoMax = 5000 });

        Assert.False(decision.Allowed);
        Assert.Equal(GateRules.RefundAutoMax, decision.Rule);
        Assert.Equal("a refund of $240.00 is over the $50.00 limit for automatic refunds", decision.Message);
        Assert.True(decision.HumanCanGrant);
    }

    [Fact]
    public void A_refund_of_a_charge_older_than_the_window_is_refused()
    {
        var decision = Evaluate(new RefundCharge("ch_1", null, "requested_by_customer"), Facts(Charge("ch_1", 1900, 69)));

        Assert.Equal(GateRules.RefundWindowDays, decision.Rule);
        Assert.Contains("69 days ago", decision.Message);
        Assert.Contains("60-day window", decision.Message);
        Assert.True(decision.HumanCanGrant);
    }

    [Fact]
    public void Every_refund_of_the_last_90_days_counts_whoever_made_it()
    {
        var facts = Facts(
            Charge("ch_old1", 1500, 56, 1500, new RefundFact("re_1", 1500, "succeeded", Now.AddDays(-55))),
            Charge("ch_old2", 2500, 21, 2500, new RefundFact("re_2", 2500, "succeeded", Now.AddDays(-20))),
            Charge("ch_1", 1200, 1));

        var decision = Evaluate(new RefundCharge("ch_1", null, "requested_by_customer"), facts);

        Assert.Equal(GateRules.AutoRefundsPerCustomer90d, decision.Rule);
        Assert.Contains("already had 2 refunds in the last 90 days", decision.Message);
    }

    [Fact]
    public void Refunds_older_than_90_days_and_failed_refunds_do_not_count()
    {
        var facts = Facts(
            Charge("ch_old1", 1500, 120, 1500, new RefundFact("re_1", 1500, "succeeded", Now.AddDays(-91))),
            Charge("ch_old2", 2500, 21, 0, new RefundFact("re_2", 2500, "failed", Now.AddDays(-20))),
            Charge("ch_1", 1200, 1));

        Assert.True(Evaluate(new RefundCharge("ch_1", null, "requested_by_customer"), facts).Allowed);
    }

    [Fact]
    public void A_fully_refunded_charge_is_refused_and_nobody_can_grant_it()
    {
        var decision = Evaluate(new RefundCharge("ch_1", null, "duplicate"), Facts(Charge("ch_1", 1500, 3, 1500)), actor: Actor.Human("ana"), approvedBy: "ana");

        Assert.False(decision.Allowed);
        Assert.Equal(GateRules.AlreadyRefunded, decision.Rule);
        Assert.False(decision.HumanCanGrant);
    }

    [Fact]
    public void A_partial_refund_above_the_remainder_is_refused()
    {
        var decision = Evaluate(new RefundCharge("ch_1", 1000, "requested_by_customer"), Facts(Charge("ch_1", 1500, 3, 700)));

        Assert.Equal(GateRules.RefundOverRemainder, decision.Rule);
        Assert.Contains("$8.00 still refundable", decision.Message);
    }

    [Fact]
    public void Another_customers_charge_is_refused_as_not_found_and_never_granted()
    {
        var decision = Evaluate(new RefundCharge("ch_other", null, "duplicate"), Facts(Charge("ch_1", 1500, 3)), actor: Actor.Human("ana"), approvedBy: "ana");

        Assert.Equal(GateRules.Ownership, decision.Rule);
        Assert.Equal("no charge ch_other was found for this customer", decision.Message);
        Assert.False(decision.HumanCanGrant);
    }

    [Fact]
    public void A_human_with_approval_may_go_past_caps_windows_and_counts_and_it_is_said()
    {
        var facts = Facts(
            Charge("ch_old", 1500, 30, 1500, new RefundFact("re_1", 1500, "succeeded", Now.AddDays(-29))),
            Charge("ch_1", 24000, 80));
        var policy = new PolicySettings { AutoRefundsPerCustomer90d = 1 };

        var refused = Evaluate(new RefundCharge("ch_1", null, "requested_by_customer"), facts, policy, Actor.Human("ana"));
        var approved = Evaluate(new RefundCharge("ch_1", null, "requested_by_customer"), facts, policy, Actor.Human("ana", StaffRoles.Lead), "ana");

        Assert.False(refused.Allowed);
        Assert.True(approved.Allowed);
        Assert.Equal([GateRules.RefundAutoMax, GateRules.RefundWindowDays, GateRules.AutoRefundsPerCustomer90d], approved.Waived);
        Assert.Contains("waived by ana", approved.Message);
    }

    [Theory]
    [InlineData(null, 20_000, true)]
    [InlineData(StaffRoles.Agent, 20_000, true)]
    [InlineData(StaffRoles.Agent, 20_001, false)]
    [InlineData("support", 20_001, false)]
    [InlineData(StaffRoles.Lead, 20_001, true)]
    [InlineData(StaffRoles.Admin, 90_000, true)]
    public void An_agent_approves_refunds_up_to_the_agent_limit_and_a_lead_past_it(string? role, long amount, bool allowed)
    {
        var facts = Facts(Charge("ch_1", 100_000, 3));

        var decision = Evaluate(new RefundCharge("ch_1", amount, "requested_by_customer"), facts, actor: Actor.Human("ana", role), approvedBy: "ana");

        Assert.Equal(allowed, decision.Allowed);
        if (!allowed)
        {
            Assert.Equal((GateRules.AgentLimit, true), (decision.Rule, decision.HumanCanGrant));
            Assert.Contains("over the $200.00 an agent may approve", decision.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_agent_approves_credits_up_to_the_agent_credit_limit()
    {
        var policy = new PolicySettings { AgentCreditMax = 3000 };

        Assert.True(Evaluate(new CreditBalance("cus_cleo", 3000, "usd", "goodwill"), Facts(), policy, Actor.Human("ana", StaffRoles.Agent), "ana").Allowed);
        Assert.Equal(GateRules.AgentLimit, Evaluate(new CreditBalance("cus_cleo", 3001, "usd", "goodwill"), Facts(), policy, Actor.Human("ana", StaffRoles.Agent), "ana").Rule);
        Assert.True(Evaluate(new CreditBalance("cus_cleo", 3001, "usd", "goodwill"), Facts(), policy, Actor.Human("lea", StaffRoles.Lead), "lea").Allowed);
    }

    [Fact]
    public void Approval_given_to_an_automated_actor_waives_nothing()
    {
        var decision = Evaluate(new RefundCharge("ch_1", null, "requested_by_customer"), Facts(Charge("ch_1", 24000, 3)), approvedBy: "ana");

        Assert.Equal(GateRules.RefundAutoMax, decision.Rule);
    }

    [Fact]
    public void An_open_dispute_stops_every_automated_action()
    {
        var facts = Facts(Charge("ch_1", 1500, 3)) with { OpenDisputes = ["dp_1"] };

        foreach (var action in new BillingAction[] { new RefundCharge("ch_1", null, "duplicate"), new CardUpdateLink("cus_cleo"), new CreditBalance("cus_cleo", 100, "usd", "sorry") })
        {
            var decision = Evaluate(action, facts);
            Assert.Equal(GateRules.DisputeOpen, decision.Rule);
            Assert.True(decision.HumanCanGrant);
        }
    }

    [Fact]
    public void High_risk_gets_no_links_and_no_money_movement()
    {
        var facts = Facts(Charge("ch_1", 1500, 3)) with { Risk = "high", Invoice = new InvoiceFact("in_1", "open", 1, 2900, "usd", null, null, null) };

        Assert.Equal(GateRules.RiskBlocked, Evaluate(new RetryPayment("in_1"), facts).Rule);
        Assert.Equal(GateRules.RiskBlocked, Evaluate(new CardUpdateLink("cus_cleo"), facts).Rule);
        Assert.Equal(GateRules.RiskBlocked, Evaluate(new RefundCharge("ch_1", null, "duplicate"), facts).Rule);
    }

    [Fact]
    public void Risk_above_the_threshold_gets_links_but_no_money_movement()
    {
        var facts = Facts(Charge("ch_1", 1500, 3)) with { Risk = "elevated" };

        Assert.True(Evaluate(new CardUpdateLink("cus_cleo"), facts).Allowed);
        var refund = Evaluate(new RefundCharge("ch_1", null, "duplicate"), facts);
        Assert.Equal(GateRules.RiskNoMoneyMovement, refund.Rule);
        Assert.True(refund.HumanCanGrant);
        Assert.True(Evaluate(new RefundCharge("ch_1", null, "duplicate"), facts, new PolicySettings { AutoActionsMaxRisk = "elevated" }).Allowed);
    }

    [Fact]
    public void A_credit_over_the_cap_is_refused_with_the_numbers()
    {
        var decision = Evaluate(new CreditBalance("cus_cleo", 3000, "usd", "goodwill"), Facts());

        Assert.Equal(GateRules.CreditAutoMax, decision.Rule);
        Assert.Equal("a credit of $30.00 is over the $20.00 limit for automatic credits", decision.Message);
        Assert.True(Evaluate(new CreditBalance("cus_cleo", 2000, "usd", "goodwill"), Facts()).Allowed);
    }

    [Theory]
    [InlineData("open", 1, null, GateRules.Allowed)]
    [InlineData("paid", 1, null, GateRules.InvoiceNotOpen)]
    [InlineData("open", 4, null, GateRules.RetryMaxAttempts)]
    [InlineData("open", 3, null, GateRules.Allowed)]
    public void A_retry_needs_an_open_invoice_under_the_attempt_limit(string status, long attempts, string? error, string rule)
    {
        var facts = Facts() with { Invoice = new InvoiceFact("in_1", status, attempts, 2900, "usd", error, "pm_1", null) };

        Assert.Equal(rule, Evaluate(new RetryPayment("in_1"), facts).Rule);
    }

    [Theory]
    [InlineData("insufficient_funds")]
    [InlineData("stolen_card")]
    [InlineData("fraudulent")]
    [InlineData("expired_card")]
    [InlineData("incorrect_cvc")]
    [InlineData("authentication_required")]
    [InlineData("do_not_honor")]
    [InlineData("some_code_nobody_knows")]
    public void A_retry_follows_the_decline_classification(string code)
    {
        var facts = Facts() with { Invoice = new InvoiceFact("in_1", "open", 1, 2900, "usd", code, "pm_1", null), DefaultPaymentMethodId = "pm_1" };
        var decline = Leeway.Billing.DeclineCodes.Classify(code);

        var decision = Evaluate(new RetryPayment("in_1"), facts);

        var expected = decline.Hard ? GateRules.RetryHardDecline : decline.Retryable ? GateRules.Allowed : GateRules.RetryNeedsCustomer;
        Assert.Equal(expected, decision.Rule);
        Assert.Equal(decline.Hard, decision.HumanCanGrant);
        if (!decision.Allowed)
        {
            Assert.Contains(code, decision.Message);
        }
    }

    [Fact]
    public void A_new_default_card_since_the_failure_lets_a_customer_fixable_decline_be_retried()
    {
        var invoice = new InvoiceFact("in_1", "open", 1, 2900, "usd", "expired_card", "pm_old", null);

        var sameCard = Evaluate(new RetryPayment("in_1"), Facts() with { Invoice = invoice, DefaultPaymentMethodId = "pm_old" });
        var newCard = Evaluate(new RetryPayment("in_1"), Facts() with { Invoice = invoice, DefaultPaymentMethodId = "pm_new" });

        Assert.Equal(GateRules.RetryNeedsCustomer, sameCard.Rule);
        Assert.False(sameCard.HumanCanGrant);
        Assert.True(newCard.Allowed, newCard.Message);
    }

    [Fact]
    public void A_human_may_retry_past_the_attempt_limit_but_not_a_paid_invoice()
    {
        var tried = Facts() with { Invoice = new InvoiceFact("in_1", "open", 6, 2900, "usd", null, "pm_1", null) };
        var paid = Facts() with { Invoice = new InvoiceFact("in_1", "paid", 1, 0, "usd", null, "pm_1", null) };

        Assert.True(Evaluate(new RetryPayment("in_1"), tried, actor: Actor.Human("ana"), approvedBy: "ana").Allowed);
        var decision = Evaluate(new RetryPayment("in_1"), paid, actor: Actor.Human("ana"), approvedBy: "ana");
        Assert.Equal(GateRules.InvoiceNotOpen, decision.Rule);
        Assert.Contains("already paid", decision.Message);
    }

    [Fact]
    public void Cancelling_follows_cancel_self_serve()
    {
        var facts = Facts();

        Assert.True(Evaluate(new CancelSubscription("sub_1"), facts).Allowed);
        var off = Evaluate(new CancelSubscription("sub_1"), facts, new PolicySettings { CancelSelfServe = false });
        Assert.Equal(GateRules.CancelSelfServe, off.Rule);
        Assert.True(off.HumanCanGrant);
        Assert.True(Evaluate(new CancelSubscription("sub_1"), facts, new PolicySettings { CancelSelfServe = false }, Actor.Human("ana"), "ana").Allowed);
    }

    [Fact]
    public void Only_an_expired_unpaid_checkout_session_gets_a_new_link()
    {
        SessionFact Session(string status, string? invoiceStatus = null) => new("cs_old", status, "payment", 4900, "usd", invoiceStatus is null ? null : "in_1", invoiceStatus, null);

        Assert.True(Evaluate(new RegenerateLink("cs_old", null), Facts() with { Session = Session("expired") }).Allowed);
        Assert.Equal(GateRules.LinkNotExpired, Evaluate(new RegenerateLink("cs_old", null), Facts() with { Session = Session("open") }).Rule);
        Assert.Equal(GateRules.AlreadyPaid, Evaluate(new RegenerateLink("cs_old", null), Facts() with { Session = Session("complete") }).Rule);
        Assert.Equal(GateRules.AlreadyPaid, Evaluate(new RegenerateLink("cs_old", null), Facts() with { Session = Session("expired", "paid") }).Rule);
    }

    [Fact]
    public void Malformed_requests_are_refused_before_anything_is_read()
    {
        Assert.Equal(GateRules.InvalidRequest, Evaluate(new RefundCharge("ch_1", -5, "duplicate"), Facts(Charge("ch_1", 1500, 3))).Rule);
        Assert.Equal(GateRules.InvalidRequest, Evaluate(new RefundCharge("ch_1", null, "because"), Facts(Charge("ch_1", 1500, 3))).Rule);
        Assert.Equal(GateRules.InvalidRequest, Evaluate(new RegenerateLink(null, null), Facts()).Rule);
        Assert.Equal(GateRules.InvalidRequest, Evaluate(new CreditBalance("cus_cleo", 0, "usd", "x"), Facts()).Rule);
    }

    [Fact]
    public void A_fraudulent_refund_reason_is_a_human_decision()
    {
        var decision = Evaluate(new RefundCharge("ch_1", null, "fraudulent"), Facts(Charge("ch_1", 1500, 3)));

        Assert.Equal(GateRules.RefundReason, decision.Rule);
        Assert.True(decision.HumanCanGrant);
    }

    [Fact]
    public void When_a_grantable_and_an_absolute_rule_both_refuse_the_absolute_one_is_reported()
    {
        var facts = Facts(Charge("ch_1", 1500, 3, 1500)) with { Risk = "high" };

        var decision = Evaluate(new RefundCharge("ch_1", null, "duplicate"), facts);

        Assert.Equal(GateRules.AlreadyRefunded, decision.Rule);
        Assert.False(decision.HumanCanGrant);
    }

    [Fact]
    public void A_staff_principal_may_name_any_customers_objects_but_they_must_belong_to_that_customer()
    {
        var staff = Principal.Staff("ana");
        var facts = Facts(Charge("ch_1", 1500, 3));

        Assert.True(Evaluate(new RefundCharge("ch_1", null, "duplicate"), facts, principal: staff, actor: Actor.Human("ana"), approvedBy: "ana").Allowed);
        Assert.Equal(GateRules.Ownership, Evaluate(new RefundCharge("ch_other", null, "duplicate"), facts, principal: staff, actor: Actor.Human("ana"), approvedBy: "ana").Rule);
    }
}
