using Leeway.Diagnostics;
using Leeway.Diagnostics.Rules;
using Leeway.Policy;
using Leeway.Policy.Rules;

namespace Leeway.Tests.Diagnostics.Rules;

public sealed class UsageSpikeRuleTests
{
    private const string Now = "2026-11-10T09:00:00Z";

    private static string Usage(params (string Meter, string Start, long Amount)[] periods)
    {
        var rows = periods.Select(p =>
        {
            var start = ScenarioWorld.Time(p.Start);
            return $$"""{"meter": "{{p.Meter}}", "period_start": "{{p.Start}}", "period_end": "{{start.AddMonths(1):yyyy-MM-ddTHH:mm:ssZ}}", "quantity": {{p.Amount * 100}}, "amount": {{p.Amount}}}""";
        });
        return $$"""{"id": "cus_a", "invoices": [{"id": "in_1", "status": "paid", "currency": "gbp", "created": "2026-11-01T00:00:00Z"}], "usage": [{{string.Join(",", rows)}}]}""";
    }

    [Fact]
    public void The_latest_period_at_the_factor_times_the_earlier_mean_is_a_spike()
    {
        // Earlier mean 1000; 3.0 × 1000 = 3000: at the threshold counts. Listed out of order on purpose.
        var world = Usage(("api", "2026-10-01T00:00:00Z", 3000), ("api", "2026-08-01T00:00:00Z", 800), ("api", "2026-09-01T00:00:00Z", 1200));

        var finding = Assert.Single(ScenarioWorld.Evaluate(new UsageSpikeRule(), world, Now));

        Assert.Equal(RootCause.UsageSpike, finding.RootCause);
        Assert.Equal("api", finding.Facts[FactKeys.Meter]);
        Assert.Equal("3000", finding.Facts[FactKeys.Amount]);
        Assert.Equal("£30.00", finding.Facts[FactKeys.AmountDisplay]);
        Assert.Equal("1000", finding.Facts[FactKeys.PreviousMeanAmount]);
        Assert.Equal("2026-10-01T00:00:00Z", finding.Facts[FactKeys.PeriodStart]);
        Assert.Equal("3", finding.Facts[FactKeys.SpikeRatio]);
    }

    [Fact]
    public void Just_below_the_factor_is_no_spike()
    {
        var world = Usage(("api", "2026-08-01T00:00:00Z", 1000), ("api", "2026-09-01T00:00:00Z", 2999));

        Assert.Empty(ScenarioWorld.Evaluate(new UsageSpikeRule(), world, Now, new PolicySettings { UsageSpikeFactor = 3.0 }));
    }

    [Fact]
    public void The_policy_factor_decides()
    {
        var world = Usage(("api", "2026-08-01T00:00:00Z", 1000), ("api", "2026-09-01T00:00:00Z", 1500));

        Assert.Empty(ScenarioWorld.Evaluate(new UsageSpikeRule(), world, Now));
        Assert.Single(ScenarioWorld.Evaluate(new UsageSpikeRule(), world, Now, new PolicySettings { UsageSpikeFactor = 1.5 }));
    }

    [Fact]
    public void Each_meter_is_compared_with_its_own_history()
    {
        var world = Usage(
            ("api", "2026-08-01T00:00:00Z", 100), ("api", "2026-09-01T00:00:00Z", 100),
            ("storage", "2026-08-01T00:00:00Z", 10000), ("storage", "2026-09-01T00:00:00Z", 400));

        Assert.Empty(ScenarioWorld.Evaluate(new UsageSpikeRule(), world, Now));
    }

    [Fact]
    public void A_single_period_has_nothing_to_compare_with()
    {
        Assert.Empty(ScenarioWorld.Evaluate(new UsageSpikeRule(), Usage(("api", "2026-09-01T00:00:00Z", 99999)), Now));
    }

    [Fact]
    public void Without_the_usage_source_no_spike_can_be_seen()
    {
        var world = Usage(("api", "2026-08-01T00:00:00Z", 100), ("api", "2026-09-01T00:00:00Z", 10000));

        Assert.Empty(ScenarioWorld.Evaluate(new UsageSpikeRule(), world, Now, null, "usage"));
    }
}
