using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.SelfHeal;
using Stripe;

namespace Leeway.Tests.SelfHeal;

public sealed class OneClickFixTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    private static Diagnosis Diagnosed(RootCause rootCause, params Finding[] findings)
    {
        var cause = rootCause.Traits();
        return new Diagnosis("cus_a", cause.Status, cause.Code, "explanation", cause.RecommendedAction, cause.SelfServeEligible, findings, [], Now);
    }

    private static Finding Found(RootCause rootCause, params (string Key, string Value)[] facts) =>
        new(rootCause, "summary", facts.Select(f => f.Value).ToArray(), facts.ToDictionary(f => f.Key, f => f.Value));

    private static BillingSnapshot Billing(params Invoice[] invoices) => new(
        new Customer { Id = "cus_a", Metadata = [] },
        [new PaymentMethod { Id = "pm_a", Card = new PaymentMethodCard { Brand = "visa", Last4 = "4242" } }],
        [],
        invoices,
        [],
        [new Charge { Id = "ch_dup", Amount = 1500, Currency = "usd" }],
        [],
        [],
        [],
        new Dictionary<string, string>(),
        new Dictionary<string, string>());

    [Fact]
    public void A_failed_payment_offers_a_retry_of_the_diagnosed_invoice_first_then_another_card()
    {
        var diagnosis = Diagnosed(RootCause.PaymentFailedInsufficientFunds, Found(RootCause.PaymentFailedInsufficientFunds, (FactKeys.Invoice, "in_due")));
        var billing = Billing(
            new Invoice { Id = "in_newer", Status = "open", AmountDue = 900, AmountRemaining = 900, Currency = "usd", Created = Now.UtcDateTime },
            new Invoice { Id = "in_due", Status = "open", AmountDue = 4900, AmountRemaining = 4900, Currency = "usd", Created = Now.UtcDateTime.AddDays(-9) });

        var fixes = OneClickFix.For(diagnosis, billing);

        Assert.Equal([FixKind.RetryPayment, FixKind.CardUpdateLink], fixes.Select(f => f.Kind).ToArray());
        Assert.Equal("in_due", fixes[0].ObjectId);
        Assert.Contains("$49.00", fixes[0].Label, StringComparison.Ordinal);
        Assert.True(fixes[0].Primary);
        Assert.Equal(new RetryPayment("in_due"), fixes[0].ToAction("cus_a"));
        Assert.Equal(new CardUpdateLink("cus_a"), fixes[1].ToAction("cus_a"));
    }

    [Fact]
    public void A_duplicate_refunds_the_charge_the_diagnosis_names_as_the_duplicate()
    {
        var diagnosis = Diagnosed(RootCause.DuplicateCharge, Found(RootCause.DuplicateCharge, (FactKeys.RefundCharge, "ch_dup"), (FactKeys.OriginalCharge, "ch_keep")));

        var fix = Assert.Single(OneClickFix.For(diagnosis, Billing()));

        Assert.Equal(new RefundCharge("ch_dup", null, "duplicate"), fix.ToAction("cus_a"));
        Assert.Contains("$15.00", fix.Label, StringComparison.Ordinal);
        Assert.False(fix.OpensLink);
    }

    [Fact]
    public void An_expired_checkout_link_is_replaced_and_an_expired_invoice_link_reissued()
    {
        var session = Diagnosed(RootCause.PaymentLinkExpired, Found(RootCause.PaymentLinkExpired, (FactKeys.CheckoutSession, "cs_old"), (FactKeys.Invoice, "in_1")));
        var invoice = Diagnosed(RootCause.PaymentLinkExpired, Found(RootCause.PaymentLinkExpired, (FactKeys.Invoice, "in_2")));

        Assert.Equal(new RegenerateLink("cs_old", null), Assert.Single(OneClickFix.For(session, null)).ToAction("cus_a"));
        var reissue = Assert.Single(OneClickFix.For(invoice, null));
        Assert.Equal(new RegenerateLink(null, "in_2"), reissue.ToAction("cus_a"));
        Assert.True(reissue.OpensLink);
    }

    [Theory]
    [InlineData(RootCause.DisputeOpen)]
    [InlineData(RootCause.PaymentBlockedRisk)]
    [InlineData(RootCause.EntitlementMismatch)]
    [InlineData(RootCause.UsageSpike)]
    [InlineData(RootCause.RefundInProgress)]
    [InlineData(RootCause.None)]
    public void What_a_person_must_decide_or_nothing_needs_offers_no_one_click_fix(RootCause rootCause)
    {
        Assert.Empty(OneClickFix.For(Diagnosed(rootCause, Found(rootCause, (FactKeys.Invoice, "in_1"))), Billing(
            new Invoice { Id = "in_1", Status = "open", AmountDue = 100, AmountRemaining = 100, Currency = "usd" })));
    }

    [Fact]
    public void A_card_expiring_soon_or_expired_gets_a_card_update_link()
    {
        foreach (var cause in new[] { RootCause.CardExpiringSoon, RootCause.PaymentFailedCardExpired })
        {
            var fix = Assert.Single(OneClickFix.For(Diagnosed(cause), Billing()));
            Assert.Equal(new CardUpdateLink("cus_a"), fix.ToAction("cus_a"));
            Assert.True(fix.OpensLink);
        }
    }
}
