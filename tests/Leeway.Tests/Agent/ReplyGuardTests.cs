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
}
