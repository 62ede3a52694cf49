using System.Globalization;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class PaymentLinkExpiredRuleTests
{
    private const string Now = "2026-11-10T09:00:00Z";

    private static string Sessions(string sessions, string invoices = "[]") =>
        $$"""{"id": "cus_a", "checkout_sessions": {{sessions}}, "invoices": {{invoices}}}""";

    [Fact]
    public void An_expired_checkout_session_nothing_replaced_is_found()
    {
        var world = Sessions("""[{"id": "cs_old", "mode": "payment", "status": "expired", "expires_at": "2026-11-05T12:00:00Z", "amount_total": 4900}]""");

        var finding = Assert.Single(ScenarioWorld.Evaluate(new PaymentLinkExpiredRule(), world, Now));

        Assert.Equal(RootCause.PaymentLinkExpired, finding.RootCause);
        Assert.Equal("cs_old", finding.Facts[FactKeys.CheckoutSession]);
        Assert.Equal("checkout_session", finding.Facts[FactKeys.LinkKind]);
        Assert.Equal("$49.00", finding.Facts[FactKeys.AmountDisplay]);
        Assert.Equal("2026-11-05T12:00:00Z", finding.Facts[FactKeys.LinkExpiredAt]);
    }

    [Theory]
    [InlineData("open", "2026-11-11T09:00:00Z")]
    [InlineData("complete", "2026-11-11T09:00:00Z")]
    public void A_later_open_or_complete_session_replaces_the_expired_one(string status, string expiresAt)
    {
        var world = Sessions($$"""
            [{"id": "cs_old", "mode": "payment", "status": "expired", "expires_at": "2026-11-05T12:00:00Z", "amount_total": 4900},
             {"id": "cs_new", "mode": "payment", "status": "{{status}}", "expires_at": "{{expiresAt}}", "amount_total": 4900}]
            """);

        Assert.Empty(ScenarioWorld.Evaluate(new PaymentLinkExpiredRule(), world, Now));
    }

    [Fact]
    public void A_card_update_session_neither_counts_as_a_payment_link_nor_replaces_one()
    {
        var world = Sessions("""
            [{"id": "cs_setup_old", "mode": "setup", "status": "expired", "expires_at": "2026-11-04T12:00:00Z"},
             {"id": "cs_old", "mode": "payment", "status": "expired", "expires_at": "2026-11-05T12:00:00Z", "amount_total": 4900},
             {"id": "cs_setup", "mode": "setup", "status": "open", "expires_at": "2026-11-11T09:00:00Z"}]
            """);

        var finding = Assert.Single(ScenarioWorld.Evaluate(new PaymentLinkExpiredRule(), world, Now));

        Assert.Equal("cs_old", finding.Facts[FactKeys.CheckoutSession]);
    }

    [Fact]
    public void An_open_session_past_its_expiry_is_expired()
    {
        var world = Sessions("""[{"id": "cs_old", "mode": "payment", "status": "open", "expires_at": "2026-11-10T08:59:00Z", "amount_total": 100}]""");

        Assert.Single(ScenarioWorld.Evaluate(new PaymentLinkExpiredRule(), world, Now));
    }

    [Fact]
    public void An_expired_session_for_an_invoice_since_paid_is_not_a_cause()
    {
        var world = Sessions(
            """[{"id": "cs_old", "mode": "payment", "status": "expired", "expires_at": "2026-11-05T12:00:00Z", "invoice": "in_1", "amount_total": 4900}]""",
            """[{"id": "in_1", "status": "paid", "amount_due": 4900, "amount_paid": 4900, "created": "2026-11-04T12:00:00Z"}]""");

        Assert.Empty(ScenarioWorld.Evaluate(new PaymentLinkExpiredRule(), world, Now));
    }

    [Fact]
    public void An_open_invoice_whose_hosted_link_expired_is_found_with_the_link()
    {
        var world = Sessions("[]", """
            [{"id": "in_1", "status": "open", "amount_due": 2900, "currency": "eur", "created": "2026-11-01T00:00:00Z", "hosted_invoice_url_expires_at": "2026-11-09T00:00:00Z"},
             {"id": "in_2", "status": "open", "amount_due": 2900, "currency": "eur", "created": "2026-11-01T00:00:00Z", "hosted_invoice_url_expires_at": "2026-11-11T00:00:00Z"}]
            """);

        var finding = Assert.Single(ScenarioWorld.Evaluate(new PaymentLinkExpiredRule(), world, Now));

        Assert.Equal("in_1", finding.Facts[FactKeys.Invoice]);
        Assert.Equal("invoice", finding.Facts[FactKeys.LinkKind]);
        Assert.Equal("€29.00", finding.Facts[FactKeys.AmountDisplay]);
        Assert.Equal("https://invoice.example/in_1", finding.Facts[FactKeys.Url]);
    }

    [Theory]
    [InlineData("2026-11-01T00:00:00Z", null, "2026-12-01T00:00:00Z")] // 30 days after finalization
    [InlineData("2026-11-01T00:00:00Z", "2026-11-15T00:00:00Z", "2026-12-15T00:00:00Z")] // 30 days after the due date
    [InlineData("2026-11-01T00:00:00Z", "2027-02-15T00:00:00Z", "2027-03-01T00:00:00Z")] // never more than 120 days
    public void The_hosted_link_expires_by_Stripe_rule_from_the_invoice_dates(string finalized, string? due, string expected)
    {
        var invoice = new Stripe.Invoice
        {
            StatusTransitions = new Stripe.InvoiceStatusTransitions { FinalizedAt = DateTime.Parse(finalized, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) },
            DueDate = due is null ? null : DateTime.Parse(due, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
        };

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), invoice.HostedLinkExpiresAt());
    }

    [Fact]
    public void A_draft_invoice_has_no_hosted_link_expiry() => Assert.Null(new Stripe.Invoice().HostedLinkExpiresAt());
}
