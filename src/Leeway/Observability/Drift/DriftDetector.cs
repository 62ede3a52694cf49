using Leeway.Routing;

namespace Leeway.Observability.Drift;

/// <summary>
/// Compares the intent mix and the automated resolution rate of the current window with a baseline window. A moved
/// mix means customers ask about new things (a pricing change, an outage, a classifier gone stale); a moved rate
/// means Lee or the self-serve fixes stopped working as well.
/// </summary>
internal static class DriftDetector
{
    /// <summary>The baseline and current windows ending on <paramref name="today"/>.</summary>
    public static (OpsWindow Baseline, OpsWindow Current) Windows(DateOnly today, DriftOptions options)
    {
        var current = OpsWindow.Last(options.CurrentDays, today);
        return (OpsWindow.Last(options.BaselineDays, current.From.AddDays(-1)), current);
    }

    public static DriftReport Compare(
        OpsWindow baselineWindow,
        IReadOnlyCollection<ContactTally> baseline,
        OpsWindow currentWindow,
        IReadOnlyCollection<ContactTally> current,
        DriftOptions options)
    {
        var before = MetricsSeries.Fold(null, baseline, []);
        var now = MetricsSeries.Fold(null, current, []);
        var enough = before.Contacts >= options.MinimumContacts && now.Contacts >= options.MinimumContacts;

        var intents = before.ByIntent.Keys.Union(now.ByIntent.Keys).Select(intent =>
        {
            var b = Share(before.ByIntent.GetValueOrDefault(intent), before.Contacts);
            var c = Share(now.ByIntent.GetValueOrDefault(intent), now.Contacts);
            return new IntentShareChange(intent, Math.Round(b, 4), Math.Round(c, 4), Math.Round(c - b, 4));
        }).OrderByDescending(i => Math.Abs(i.Change)).ThenBy(i => i.Intent, StringComparer.Ordinal).ToList();
        var distance = Math.Round(intents.Sum(i => Math.Abs(i.CurrentShare - i.BaselineShare)) / 2, 4);
        var mix = new IntentMixDrift(distance, options.IntentMixThreshold, enough && distance > options.IntentMixThreshold, intents);

        var change = before.AutomatedResolutionRate is { } r0 && now.AutomatedResolutionRate is { } r1 ? Math.Round(r1 - r0, 4) : (double?)null;
        var rate = new RateDrift(before.AutomatedResolutionRate, now.AutomatedResolutionRate, change, options.ResolutionRateThreshold,
            enough && change is { } moved && Math.Abs(moved) > options.ResolutionRateThreshold);

        return new DriftReport(
            new DriftWindow(baselineWindow.From, baselineWindow.To, before.Contacts),
            new DriftWindow(currentWindow.From, currentWindow.To, now.Contacts),
            enough,
            mix.Flagged || rate.Flagged,
            mix,
            rate);
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;
}
