using Leeway.Observability.Cost;
using Leeway.Routing;

namespace Leeway.Tests.Observability;

public sealed class CostModelTests
{
    [Fact]
    public void A_month_of_contacts_costs_volume_times_unit_cost_per_tier()
    {
        var volumes = new Dictionary<int, long> { [Tier.Prevent] = 100, [Tier.SelfHeal] = 200, [Tier.Agent] = 600, [Tier.Human] = 100 };

        var table = CostModel.Compute(volumes, 30, new CostOptions(), []);

        Assert.Equal([0.1, 0.2, 0.6, 0.1], table.Rows.Select(r => r.Mix));
        Assert.Equal([0L, 10, 20, 800], table.Rows.Select(r => r.UnitCost));
        Assert.Equal([0L, 2_000, 12_000, 80_000], table.Rows.Select(r => r.MonthlyCost));
        Assert.Equal((1000L, 94_000L, 94L), (table.Total.MonthlyVolume, table.Total.MonthlyCost, table.Total.UnitCost));
        Assert.Equal(800_000, table.MonthlyCostAllHuman);
        Assert.Equal(706_000, table.MonthlySavings);
    }

    [Fact]
    public void A_shorter_window_is_scaled_to_a_month_and_unit_costs_come_from_configuration()
    {
        var costs = new CostOptions { Human = 1_200, Agent = 35, SelfHeal = 5, Prevent = 1, Currency = "eur" };
        var volumes = new Dictionary<int, long> { [Tier.Agent] = 10, [Tier.Human] = 5 };

        var table = CostModel.Compute(volumes, 15, costs, [new RecoveryTally(new DateOnly(2026, 3, 1), "eur", "retry", 2, 3_000)]);

        Assert.Equal([0L, 0, 20, 10], table.Rows.Select(r => r.MonthlyVolume));
        Assert.Equal(20 * 35 + 10 * 1_200, table.Total.MonthlyCost);
        Assert.Equal(30 * 1_200, table.MonthlyCostAllHuman);
        var recovered = Assert.Single(table.Recovered);
        Assert.Equal(("eur", 2L, 3_000L, 6_000L), (recovered.Currency, recovered.Payments, recovered.Amount, recovered.MonthlyAmount));
        Assert.Equal("eur", table.Currency);
    }

    [Fact]
    public void No_contacts_cost_nothing_and_divide_by_nothing()
    {
        var table = CostModel.Compute(new Dictionary<int, long>(), 30, new CostOptions(), []);

        Assert.All(table.Rows, r => Assert.Equal((0.0, 0L), (r.Mix, r.MonthlyCost)));
        Assert.Equal((0L, 0L, 0L), (table.Total.UnitCost, table.MonthlyCostAllHuman, table.MonthlySavings));
    }
}
