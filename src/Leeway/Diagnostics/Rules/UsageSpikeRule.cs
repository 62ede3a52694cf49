using System.Globalization;

namespace Leeway.Diagnostics.Rules;

/// <summary>
/// <c>usage_spike</c>: for some meter, the most recent period's cost is at least <c>usage_spike_factor</c> × the mean
/// cost of that meter's earlier periods. A meter with no earlier period has nothing to compare with.
/// </summary>
internal sealed class UsageSpikeRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Usage is not { Count: > 0 } usage)
        {
            yield break;
        }

        var currency = input.Billing.CurrencyOf();
        var factor = input.Policy.UsageSpikeFactor;
        foreach (var meter in usage.GroupBy(u => u.Meter, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var periods = meter.OrderBy(u => u.PeriodStart).ThenBy(u => u.PeriodEnd).ToList();
            if (periods.Count < 2)
            {
                continue;
            }

            var latest = periods[^1];
            var mean = periods.Take(periods.Count - 1).Average(p => (double)p.Amount);
            if (latest.Amount <= 0 || latest.Amount < factor * mean)
            {
                continue;
            }

            var ratio = mean > 0 ? (latest.Amount / mean).ToString("0.##", CultureInfo.InvariantCulture) : null;
            yield return new FindingBuilder(RootCause.UsageSpike)
                .Fact(FactKeys.Meter, meter.Key)
                .Fact(FactKeys.PeriodStart, latest.PeriodStart)
                .Fact(FactKeys.PeriodEnd, latest.PeriodEnd)
                .Fact(FactKeys.Quantity, latest.Quantity)
                .Money(latest.Amount, currency)
                .Fact(FactKeys.PreviousMeanAmount, (long)Math.Round(mean, MidpointRounding.AwayFromZero))
                .Fact(FactKeys.PreviousPeriods, periods.Count - 1)
                .Fact(FactKeys.SpikeRatio, ratio)
                .Fact(FactKeys.SpikeFactor, factor.ToString("0.##", CultureInfo.InvariantCulture))
                .Build($"Usage of {meter.Key} in the latest period cost far more than in earlier periods.");
        }
    }
}
