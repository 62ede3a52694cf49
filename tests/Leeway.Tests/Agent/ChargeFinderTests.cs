using Leeway.Agent.Brain;

namespace Leeway.Tests.Agent;

public sealed class ChargeFinderTests
{
    private static readonly DateTime Yesterday = Turns.Now.UtcDateTime.AddDays(-1);

    [Fact]
    public void An_amount_picks_the_charge_with_that_amount()
    {
        var billing = Turns.Billing([
            Turns.Charge("ch_sub", 4900, Turns.Now.UtcDateTime.AddDays(-15)),
            Turns.Charge("ch_pack", 2900, Yesterday, "Storage pack 100 GB (one-time)"),
        ]);
        var found = ChargeFinder.Find(Turns.Turn("could I get the $29 back?", billing, Turns.Amounts(2900)));
        Assert.Equal("ch_pack", Assert.Single(found).Id);
    }

    [Fact]
    public void An_amount_nobody_was_charged_finds_nothing_rather_than_guessing()
    {
        var billing = Turns.Billing([Turns.Charge("ch_pack", 2900, Yesterday, "Storage pack")]);
        Assert.Empty(ChargeFinder.Find(Turns.Turn("refund the $35", billing, Turns.Amounts(3500))));
    }

    [Fact]
    public void Words_of_the_description_pick_the_charge()
    {
        var billing = Turns.Billing([
            Turns.Charge("ch_support", 1200, Yesterday, "Priority support, 1 month (one-time)"),
            Turns.Charge("ch_export", 2500, Yesterday.AddDays(-3), "Data export pack (one-time)"),
        ]);
        var found = ChargeFinder.Find(Turns.Turn("I bought the data export pack by mistake", billing));
        Assert.Equal("ch_export", found[0].Id);
    }

    [Fact]
    public void A_fully_refunded_charge_is_never_a_candidate()
    {
        var billing = Turns.Billing([Turns.Charge("ch_done", 1500, Yesterday, "Extra storage", refunded: 1500)]);
        Assert.Empty(ChargeFinder.Find(Turns.Turn("refund the $15 storage", billing, Turns.Amounts(1500))));
    }

    [Fact]
    public void A_named_charge_that_is_not_the_customers_is_not_found()
    {
        var billing = Turns.Billing([Turns.Charge("ch_mine", 1500, Yesterday)]);
        var found = ChargeFinder.Find(Turns.Turn("refund ch_theirs", billing, Turns.Ids("ch_theirs")));
        Assert.DoesNotContain(found, c => c.Id == "ch_theirs");
    }
}
