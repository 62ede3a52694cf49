using Leeway.Routing;

namespace Leeway.Observability.Cost;

/// <summary>
/// What contacts cost, from volumes by the tier that finished them. A contact escalated from Lee counts at Tier 3
/// (the person is the cost that matters); a Tier 0 nudge counts as a contact that did not have to happen.
/// Monthly figures scale the window to <see cref="CostOptions.DaysPerMonth"/> days.
/// </summary>
internal static class CostModel
{
    public static CostTable Compute(
        IReadOnlyDictionary<int, long> volumeByTier,
        double windowDays,
        CostOptions costs,
        IReadOnlyList<RecoveryTally> recoveries,
        DateOnly? from = null,
        DateOnly? to = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(windowDays);
        var scale = costs.DaysPerMonth / windowDays;
        var total = Tier.All.Sum(t => volumeByTier.GetValueOrDefault(t));
        var rows = Tier.All.Select(tier =>
        {
            var volume = volumeByTier.GetValueOrDefault(tier);
            var unit = costs.UnitCost(tier);
            return new CostRow(tier, Tier.Label(tier), Share(volume, total), volume, Scale(volume, scale), unit, Scale(volume * unit, scale));
        }).ToList();

        var monthlyCost = rows.Sum(r => r.MonthlyCost);
        var windowCost = rows.Sum(r => r.Volume * r.UnitCost);
        var blended = total == 0 ? 0 : (long)Math.Round((double)windowCost / total, MidpointRounding.AwayFromZero);
        var totalRow = new CostRow(null, "Total", total == 0 ? 0 : 1, total, Scale(total, scale), blended, monthlyCost);
        var allHuman = Scale(total * costs.Human, scale);
        var recovered = recoveries.GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new RecoveredRevenue(
            g.Key,
            g.Sum(r => r.Payments),
            g.Sum(r => r.Amount),
            Scale(g.Sum(r => r.Amount), scale),
            g.GroupBy(r => r.Via).OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Sum(r => r.Amount)))).ToList();
        return new CostTable(from, to, windowDays, costs.Currency, rows, totalRow, allHuman, allHuman - monthlyCost, recovered);
    }

    /// <summary>The cost table of a window of the contact log.</summary>
    public static CostTable FromLog(OpsWindow window, IReadOnlyList<ContactTally> tallies, IReadOnlyList<RecoveryTally> recoveries, CostOptions costs)
    {
        var volumes = tallies.GroupBy(t => t.FinishedTier).ToDictionary(g => g.Key, g => g.Sum(t => t.Contacts));
        return Compute(volumes, window.Days, costs, recoveries, window.From, window.To);
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    private static long Scale(long value, double scale) => (long)Math.Round(value * scale, MidpointRounding.AwayFromZero);
}
