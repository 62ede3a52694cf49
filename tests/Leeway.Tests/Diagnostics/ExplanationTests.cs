using System.Text.Json;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Explanations;
using Leeway.Diagnostics.Rules;
using Leeway.Storage;

namespace Leeway.Tests.Diagnostics;

public sealed class ExplanationTests
{
    [Theory]
    [InlineData(2000, "usd", "$20.00")]
    [InlineData(2900, "eur", "€29.00")]
    [InlineData(2900, "EUR", "€29.00")]
    [InlineData(123456, "usd", "$1,234.56")]
    [InlineData(5, "gbp", "£0.05")]
    [InlineData(500, "jpy", "¥500")]
    [InlineData(1234, "kwd", "1.234 KWD")]
    [InlineData(1000, "chf", "10.00 CHF")]
    [InlineData(-500, "usd", "-$5.00")]
    [InlineData(700, null, "$7.00")]
    public void Amounts_are_written_in_the_currency_they_were_charged_in(long amount, string? currency, string expected)
    {
        Assert.Equal(expected, Money.Format(amount, currency));
    }

    [Theory]
    [InlineData("visa", "4242", "Visa ending in 4242")]
    [InlineData("mastercard", "3155", "Mastercard ending in 3155")]
    [InlineData("amex", "0005", "American Express ending in 0005")]
    [InlineData("some_new_brand", "1234", "Some new brand ending in 1234")]
    [InlineData(null, null, "your card")]
    public void Cards_are_named_by_brand_and_last_four(string? brand, string? last4, string expected)
    {
        Assert.Equal(expected, CardFormat.Describe(brand, last4));
    }

    [Fact]
    public void Dates_read_like_a_person_writes_them()
    {
        Assert.Equal("November 8, 2026", DateFormat.Day(ScenarioWorld.Time("2026-11-08T00:00:00Z")));
        Assert.Equal("September 2026", DateFormat.Month(9, 2026));
    }

    private static Diagnosis Diagnose(string world, string now, params string[] unavailable) =>
        RuleEngine.Diagnose("cus_a", ScenarioWorld.Input(ScenarioWorld.Customer(world), now, null, unavailable), []);

    private const string Card = """
        "payment_methods": [{"id": "pm_1", "brand": "visa", "last4": "4242", "exp_month": 9, "exp_year": 2026, "default": true}],
        "subscriptions": [{"id": "sub_1", "status": "past_due", "items": [{"price": "p", "quantity": 1, "unit_amount": 2000}],
                           "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z"}]
        """;

    private static string Declined(string code, string currency = "usd") => $$"""
        {"id": "cus_a", {{Card}},
         "invoices": [{"id": "in_1", "subscription": "sub_1", "status": "open", "amount_due": 2000, "currency": "{{currency}}", "created": "2026-11-01T00:00:00Z",
                       "due_date": "2026-11-08T00:00:00Z", "attempt_count": 1, "next_payment_attempt": "2026-11-13T08:00:00Z", "last_payment_error": "{{code}}"}]}
        """;

    [Theory]
    [InlineData("insufficient_funds", "usd", new[] { "$20.00", "in_1", "Visa ending in 4242", "insufficient funds", "November 13, 2026", "Next step: once there is enough money on the card, retry the payment" })]
    [InlineData("expired_card", "usd", new[] { "$20.00", "Visa ending in 4242", "expired", "September 2026", "Next step: update your card" })]
    [InlineData("incorrect_zip", "usd", new[] { "$20.00", "Visa ending in 4242", "postal code", "Next step: update your card details" })]
    [InlineData("authentication_required", "eur", new[] { "€20.00", "in_1", "Visa ending in 4242", "Next step: open the secure payment link and approve the payment" })]
    [InlineData("do_not_honor", "usd", new[] { "$20.00", "Visa ending in 4242", "Next step: call your bank", "another card" })]
    public void A_failed_payment_is_explained_with_its_amount_card_and_exact_next_step(string code, string currency, string[] mustContain)
    {
        var explanation = Diagnose(Declined(code, currency), "2026-11-10T09:00:00Z").Explanation;

        Assert.All(mustContain, fact => Assert.Contains(fact, explanation));
    }

    [Fact]
    public void A_hard_decline_is_explained_without_saying_why_the_bank_refused()
    {
        var explanation = Diagnose(Declined("stolen_card"), "2026-11-10T09:00:00Z").Explanation;

        Assert.Contains("$20.00", explanation);
        Assert.Contains("Next step: a member of our billing team will contact you", explanation);
        Assert.DoesNotContain("stolen", explanation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("fraud", explanation, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("risk", explanation, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_past_due_invoice_names_its_due_date_and_the_card_to_pay_with()
    {
        var world = $$"""
            {"id": "cus_a", {{Card}},
             "invoices": [{"id": "in_1", "status": "open", "amount_due": 1900, "currency": "usd", "created": "2026-11-01T00:00:00Z", "due_date": "2026-11-08T00:00:00Z"}]}
            """;

        var explanation = Diagnose(world, "2026-11-12T11:00:00Z").Explanation;

        Assert.Contains("Invoice in_1 for $19.00 was due on November 8, 2026", explanation);
        Assert.Contains("Next step: pay it now with your Visa ending in 4242", explanation);
    }

    [Fact]
    public void A_duplicate_names_the_charge_to_refund_and_its_amount()
    {
        var world = """
            {"id": "cus_a",
             "invoices": [{"id": "in_1", "status": "paid", "amount_due": 2900, "amount_paid": 2900, "currency": "eur", "created": "2026-11-01T00:00:00Z"}],
             "charges": [{"id": "ch_1", "amount": 2900, "currency": "eur", "created": "2026-11-01T00:05:00Z", "invoice": "in_1", "status": "succeeded"},
                         {"id": "ch_2", "amount": 2900, "currency": "eur", "created": "2026-11-01T00:07:00Z", "invoice": "in_1", "status": "succeeded"}]}
            """;

        var explanation = Diagnose(world, "2026-11-10T09:00:00Z").Explanation;

        Assert.Contains("€29.00 twice", explanation);
        Assert.Contains("Next step: refund the extra charge ch_2 of €29.00", explanation);
    }

    [Fact]
    public void A_pending_refund_says_when_the_money_arrives()
    {
        var world = """
            {"id": "cus_a",
             "charges": [{"id": "ch_1", "amount": 3900, "currency": "usd", "created": "2026-11-04T16:01:00Z", "status": "succeeded", "amount_refunded": 3900}],
             "refunds": [{"id": "re_1", "charge": "ch_1", "amount": 3900, "status": "pending", "created": "2026-11-10T10:00:00Z"}]}
            """;

        var explanation = Diagnose(world, "2026-11-13T14:00:00Z").Explanation;

        Assert.Contains("$39.00", explanation);
        Assert.Contains("November 10, 2026", explanation);
        Assert.Contains("5–10 business days", explanation);
        Assert.Contains("November 24, 2026", explanation);
    }

    [Fact]
    public void A_missing_source_is_named_in_plain_words_and_a_person_offered()
    {
        var explanation = Diagnose("""{"id": "cus_a"}""", "2026-11-10T09:00:00Z", "usage").Explanation;

        Assert.Contains("our usage records", explanation);
        Assert.Contains("Next step: a member of our team can look into it for you", explanation);
    }

    [Fact]
    public void A_lower_ranked_missing_source_is_still_mentioned()
    {
        var explanation = Diagnose(Declined("insufficient_funds"), "2026-11-10T09:00:00Z", "entitlements").Explanation;

        Assert.Contains("insufficient funds", explanation);
        Assert.Contains("could not reach our subscription records", explanation);
    }

    /// <summary>Every template, filled from a finding that carries every fact, and from one that carries none.</summary>
    public static TheoryData<RootCause> Codes()
    {
        var data = new TheoryData<RootCause>();
        foreach (var cause in Enum.GetValues<RootCause>())
        {
            data.Add(cause);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_template_ends_in_a_next_step_and_never_names_internals(RootCause code)
    {
        var full = typeof(FactKeys).GetFields().Select(f => (string)f.GetValue(null)!).ToDictionary(k => k, k => k switch
        {
            FactKeys.Amount or FactKeys.PreviousMeanAmount => "1500",
            FactKeys.Currency => "usd",
            FactKeys.AmountDisplay => "$15.00",
            FactKeys.CardExpMonth => "9",
            FactKeys.CardExpYear => "2026",
            FactKeys.Source => "usage",
            _ when k.EndsWith("_at", StringComparison.Ordinal) || k.EndsWith("_date", StringComparison.Ordinal) || k.EndsWith("created", StringComparison.Ordinal)
                || k is FactKeys.PeriodStart or FactKeys.PeriodEnd or FactKeys.NextPaymentAttempt or FactKeys.RefundExpectedBy or FactKeys.EvidenceDueBy => "2026-11-08T00:00:00Z",
            _ => "x",
        });

        foreach (var facts in new[] { full, new Dictionary<string, string>() })
        {
            var findings = code == RootCause.None ? [] : new List<Finding> { new(code, "s", [], facts) };
            var explanation = ExplanationWriter.Write(code, findings);

            Assert.Contains("Next step:", explanation);
            Assert.DoesNotContain("{", explanation);
            foreach (var internalName in RootCauses.WireNames.Where(c => c != WireName.Of(RootCause.None))
                         .Concat(["refund_auto_max", "usage_spike_factor", "auto_actions_max_risk", "retry_max_attempts", "policy"]))
            {
                Assert.DoesNotContain(internalName, explanation, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public void A_diagnosis_serializes_with_the_wire_names()
    {
        var json = JsonSerializer.SerializeToElement(Diagnose(Declined("insufficient_funds"), "2026-11-10T09:00:00Z", "usage"));

        foreach (var name in new[] { "status", "root_cause", "explanation", "recommended_action", "self_serve_eligible", "findings", "sources", "computed_at" })
        {
            Assert.True(json.TryGetProperty(name, out _), name);
        }

        var finding = json.GetProperty("findings")[0];
        Assert.Equal("in_1", finding.GetProperty("facts").GetProperty("invoice").GetString());
        Assert.Equal(JsonValueKind.Array, finding.GetProperty("objects").ValueKind);
    }
}
