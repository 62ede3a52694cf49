using Leeway.Routing;

namespace Leeway.Observability;

/// <summary>Folds the contact log's daily tallies into the operations time series.</summary>
internal static class MetricsSeries
{
    public static OpsMetrics Build(OpsWindow window, IReadOnlyList<ContactTally> tallies, IReadOnlyList<RecoveryTally> recoveries)
    {
        var contactsByDay = tallies.ToLookup(t => t.Day);
        var recoveriesByDay = recoveries.ToLookup(r => r.Day);
        var days = window.EachDay().Select(day => Fold(day, contactsByDay[day].ToList(), recoveriesByDay[day].ToList())).ToList();
        return new OpsMetrics(window.From, window.To, days, Fold(null, tallies, recoveries));
    }

    /// <summary>One day's (or the window's) metrics from its tallies.</summary>
    public static DayMetrics Fold(DateOnly? date, IReadOnlyCollection<ContactTally> tallies, IReadOnlyCollection<RecoveryTally> recoveries)
    {
        var inbound = tallies.Where(t => t.Channel != ContactChannel.Prevent).ToList();
        var ended = inbound.Where(t => t.Outcome is not null).ToList();
        long Sum(IEnumerable<ContactTally> rows, Func<ContactTally, long> value) => rows.Sum(value);

        var contacts = Sum(inbound, t => t.Contacts);
        var endedCount = Sum(ended, t => t.Contacts);
        var automated = ended.Where(t => ContactOutcome.IsAutomated(t.Outcome!) && t.FinishedTier < Tier.Human).ToList();
        var contained = Sum(inbound.Where(t => t.FinishedTier < Tier.Human), t => t.Contacts);
        var surveys = Sum(inbound, t => t.Surveys);
        var replies = Sum(inbound, t => t.Replies);
        var automatedCount = Sum(automated, t => t.Contacts);

        return new DayMetrics(
            date,
            contacts,
            Tier.All.ToDictionary(Tier.Name, tier => Sum(tallies.Where(t => t.FinishedTier == tier), t => t.Contacts)),
            inbound.GroupBy(t => t.Intent).OrderByDescending(g => g.Sum(t => t.Contacts)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Sum(t => t.Contacts)),
            endedCount,
            Rate(automatedCount, endedCount),
            Rate(contained, contacts),
            Sum(inbound.Where(t => t.Tier < Tier.Human && t.FinishedTier == Tier.Human), t => t.Contacts),
            Sum(inbound.Where(t => t.Tier == Tier.Human), t => t.Contacts),
            Sum(ended.Where(t => t.Outcome == ContactOutcome.DeadEnd), t => t.Contacts),
            surveys == 0 ? null : Math.Round((double)Sum(inbound, t => t.EffortScoreTotal) / surveys, 2),
            surveys,
            automatedCount == 0 ? null : Math.Round(Sum(automated, t => t.ResolutionMillisecondsTotal) / 1000.0 / automatedCount, 1),
            replies == 0 ? null : Math.Round((double)Sum(inbound, t => t.ReplyMillisecondsTotal) / replies, 1),
            inbound.Count == 0 ? 0 : inbound.Max(t => t.ReplyMillisecondsMax),
            Sum(tallies.Where(t => t.Channel == ContactChannel.Prevent), t => t.Contacts),
            recoveries.Sum(r => r.Payments),
            recoveries.GroupBy(r => r.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount)));
    }

    private static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
}
