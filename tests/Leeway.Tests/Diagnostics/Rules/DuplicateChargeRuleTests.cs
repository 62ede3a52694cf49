using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class DuplicateChargeRuleTests
{
    private const string Now = "2026-11-10T09:00:00Z";

    private static string Charges(string charges) => $$"""
        {"id": "cus_a",
         "payment_methods": [{"id": "pm_1", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2028, "default": true}],
         "invoices": [{"id": "in_1", "status": "paid", "amount_due": 1500, "amount_paid": 1500, "created": "2026-11-01T00:00:00Z"},
                      {"id": "in_2", "status": "paid", "amount_due": 1500, "amount_paid": 1500, "created": "2026-11-01T00:00:00Z"}],
         "charges": {{charges}}}
        """;

    private static string Charge(string id, string created, string? invoice = null, long amount = 1500, string currency = "usd", string status = "succeeded", long refunded = 0) =>
        $$"""{"id": "{{id}}", "amount": {{amount}}, "currency": "{{currency}}", "created": "{{created}}", {{(invoice is null ? "" : $"\"invoice\": \"{invoice}\",")}} "payment_method": "pm_1", "status": "{{status}}", "amount_refunded": {{refunded}}}""";

    [Fact]
    public void Two_charges_for_the_same_invoice_name_the_later_to_refund()
    {
        var world = Charges($"[{Charge("ch_2", "2026-11-01T00:06:10Z", "in_1")}, {Charge("ch_1", "2026-11-01T00:05:00Z", "in_1")}]");

        var finding = Assert.Single(ScenarioWorld.Evaluate(new DuplicateChargeRule(), world, Now));

        Assert.Equal(RootCause.DuplicateCharge, finding.RootCause);
        Assert.Equal("ch_2", finding.Facts[FactKeys.RefundCharge]);
        Assert.Equal("ch_1", finding.Facts[FactKeys.OriginalCharge]);
        Assert.Equal("1500", finding.Facts[FactKeys.Amount]);
        Assert.Equal("usd", finding.Facts[FactKeys.Currency]);
        Assert.Equal("in_1", finding.Facts[FactKeys.Invoice]);
        Assert.Equal("same_invoice", finding.Facts[FactKeys.DuplicateBasis]);
        Assert.Equal("ch_2", finding.ObjectIds[0]);
    }

    [Fact]
    public void Same_invoice_charges_are_duplicates_however_far_apart()
    {
        var world = Charges($"[{Charge("ch_1", "2026-11-01T00:05:00Z", "in_1")}, {Charge("ch_2", "2026-11-05T00:00:00Z", "in_1")}]");

        Assert.Equal("ch_2", Assert.Single(ScenarioWorld.Evaluate(new DuplicateChargeRule(), world, Now)).Facts[FactKeys.RefundCharge]);
    }

    [Fact]
    public void Of_a_same_amount_pair_within_a_day_the_one_not_on_the_invoice_is_refunded_even_if_earlier()
    {
        var world = Charges($"[{Charge("ch_loose", "2026-11-01T00:01:00Z")}, {Charge("ch_invoiced", "2026-11-01T00:05:00Z", "in_1")}]");

        var finding = Assert.Single(ScenarioWorld.Evaluate(new DuplicateChargeRule(), world, Now));

        Assert.Equal("ch_loose", finding.Facts[FactKeys.RefundCharge]);
        Assert.Equal("ch_invoiced", finding.Facts[FactKeys.OriginalCharge]);
        Assert.Equal("same_amount_24h", finding.Facts[FactKeys.DuplicateBasis]);
    }

    [Fact]
    public void Same_amount_more_than_a_day_apart_is_not_a_duplicate()
    {
        var world = Charges($"[{Charge("ch_1", "2026-11-01T00:00:00Z")}, {Charge("ch_2", "2026-11-02T00:00:01Z")}]");

        Assert.Empty(ScenarioWorld.Evaluate(new DuplicateChargeRule(), world, Now));
    }

    [Fact]
    public void Same_amount_in_another_currency_is_not_a_duplicate()
    {
        var world = Charges($"[{Charge("ch_1", "2026-11-01T00:00:00Z")}, {Charge("ch_2", "2026-11-01T01:00:00Z", currency: "eur")}]");

        Assert.Empty(ScenarioWorld.Evaluate(new DuplicateChargeRule(), world, Now));
    }

    [Fact]
    public void A_refunded_or_failed_charge_is_no_duplicate()
    {
        var world = Charges($"""
            [{Charge("ch_1", "2026-11-01T00:05:00Z", "in_1")},
             {Charge("ch_2", "2026-11-01T00:06:00Z", "in_1", refunded: 1500)},
             {Charge("ch_3", "2026-11-01T00:07:00Z", "in_1", status: "failed")}]
            """);

        Assert.Empty(ScenarioWorld.Evaluate(new DuplicateChargeRule(), world, Now));
    }

    [Fact]
    public void A_partly_refunded_duplicate_names_what_is_left_to_refund()
    {
        var world = Charges($"[{Charge("ch_1", "2026-11-01T00:05:00Z", "in_1")}, {Charge("ch_2", "2026-11-01T00:06:00Z", "in_1", refunded: 500)}]");

        Assert.Equal("1000", Assert.Single(ScenarioWorld.Evaluate(new DuplicateChargeRule(), world, Now)).Facts[FactKeys.Amount]);
    }

    [Fact]
    public void Three_identical_charges_give_two_to_refund_and_keep_the_first()
    {
        var world = Charges($"""
            [{Charge("ch_1", "2026-11-01T00:05:00Z", "in_1")}, {Charge("ch_2", "2026-11-01T00:06:00Z", "in_1")}, {Charge("ch_3", "2026-11-01T00:07:00Z", "in_1")}]
            """);

        var findings = ScenarioWorld.Evaluate(new DuplicateChargeRule(), world, Now);

        Assert.Equal(["ch_2", "ch_3"], findings.Select(f => f.Facts[FactKeys.RefundCharge]));
        Assert.All(findings, f => Assert.Equal("ch_1", f.Facts[FactKeys.OriginalCharge]));
    }
}
