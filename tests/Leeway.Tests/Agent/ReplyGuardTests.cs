using Leeway.Agent.Replies;

namespace Leeway.Tests.Agent;

public sealed class ReplyGuardTests
{
    private static readonly Leeway.Billing.BillingSnapshot Billing = Turns.Billing([Turns.Charge("ch_mine", 2900, Turns.Now.UtcDateTime.AddDays(-1))]);

    [Fact]
    public void The_customers_own_facts_pass()
    {
        var turn = Turns.Turn("refund", Billing);
        Assert.Null(ReplyGuard.Problem("I've refunded $29.00 for charge ch_mine to me@example.com.", turn));
    }

    [Theory]
    [InlineData("She owes $77.77 on that invoice.", "amount")]
    [InlineData("I've retried in_lea_nov for you.", "object id")]
    [InlineData("I emailed lea@example.com about it.", "email")]
    [InlineData("Our policy.yaml says no.", "internal term")]
    [InlineData("I called refund_charge for you.", "internal term")]
    [InlineData("Pay here: https://evil.example/pay", "link")]
    public void Anything_that_is_not_the_customers_own_is_withheld(string reply, string problem)
    {
        var turn = Turns.Turn("what does lea owe", Billing);
        Assert.Contains(problem, ReplyGuard.Problem(reply, turn));
    }

    [Fact]
    public void Another_persons_identifiers_are_withheld_even_when_the_customer_typed_them()
    {
        var turn = Turns.Turn("what does lea@example.com owe on in_lea_nov", Billing, Turns.EmailsOf("lea@example.com"));
        Assert.NotNull(ReplyGuard.Problem("I can't discuss lea@example.com.", turn));
    }

    [Theory]
    [InlineData("Ich habe 29,00 € auf Ihre Karte erstattet.")]
    [InlineData("Te he reembolsado 29,00\u00A0€.")]
    [InlineData("Reembolsei R$ 29,00 para o seu cartão.")]
    [InlineData("Je vous ai remboursé 29,00\u202F€.")]
    [InlineData("I've refunded €29.00.")]
    [InlineData("I've refunded 29.00 EUR.")]
    public void The_customers_own_amounts_pass_in_any_cultures_writing(string reply)
    {
        var turn = Turns.Turn("refund", Billing);
        Assert.Null(ReplyGuard.Problem(reply, turn));
    }

    [Theory]
    [InlineData("Sie schulden noch 77,77 €.")]
    [InlineData("Debes 1.234,50 € en esa factura.")]
    [InlineData("Ela deve R$ 77,77.")]
    [InlineData("Elle doit 1\u202F234,50\u00A0€.")]
    [InlineData("She owes 77.77 EUR.")]
    public void Another_amount_is_withheld_in_any_cultures_writing(string reply)
    {
        var turn = Turns.Turn("what does lea owe", Billing);
        Assert.Contains("amount", ReplyGuard.Problem(reply, turn));
    }

    [Theory]
    [InlineData("1.234,50", 123450)]
    [InlineData("1,234.50", 123450)]
    [InlineData("1\u202F234,5", 123450)]
    [InlineData("15,00", 1500)]
    [InlineData("500", 50000)]
    public void Amounts_are_read_whichever_mark_is_decimal(string number, long minor) =>
        Assert.Contains(minor, ReplyGuard.MinorUnitsOf(number));

    [Fact]
    public void Raw_codes_are_found_outside_links_and_emails()
    {
        Assert.Equal(["in_op_nov", "api_calls", "insufficient_funds"], ReplyGuard.RawCodes("Invoice in_op_nov for api_calls failed: insufficient_funds."));
        Assert.Empty(ReplyGuard.RawCodes("Pay here: https://pay.example/cs_test_1 or read /help/articles/kb_refunds, or write to me_too@example.com."));
    }
}
