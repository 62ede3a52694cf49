using Leeway.Observability.Cost;
using Leeway.Observability.Drift;
using Leeway.Routing;
using Microsoft.Extensions.Options;

namespace Leeway.Observability;

/// <summary>The operations figures from the persisted contact log: the time series, the cost table and drift.</summary>
internal sealed class OpsReports(IContactLog log, TimeProvider time, IOptions<CostOptions> costs, IOptions<DriftOptions> drift)
{
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public async Task<OpsMetrics> MetricsAsync(OpsWindow window, CancellationToken ct)
    {
        var tallies = await log.TallyAsync(window.Start, window.End, ct);
        var recoveries = await log.RecoveriesAsync(window.Start, window.End, ct);
        return MetricsSeries.Build(window, tallies, recoveries);
    }

    public async Task<CostTable> CostAsync(OpsWindow window, CancellationToken ct)
    {
        var tallies = await log.TallyAsync(window.Start, window.End, ct);
        var recoveries = await log.RecoveriesAsync(window.Start, window.End, ct);
        return CostModel.FromLog(window, tallies, recoveries, costs.Value);
    }

    public async Task<DriftReport> DriftAsync(CancellationToken ct)
    {
        var (baseline, current) = DriftDetector.Windows(Today, drift.Value);
        var before = await log.TallyAsync(baseline.Start, baseline.End, ct);
        var now = await log.TallyAsync(current.Start, current.End, ct);
        return DriftDetector.Compare(baseline, before, current, now, drift.Value);
    }
}
