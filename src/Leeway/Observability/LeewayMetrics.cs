using System.Diagnostics.Metrics;
using Leeway.Routing;

namespace Leeway.Observability;

/// <summary>
/// Leeway's OpenTelemetry instruments (meter <c>Leeway</c>), scraped at <c>/metrics</c> in Prometheus text.
/// Live counters that reset on restart; the persisted record is <see cref="IContactLog"/>, which calls these for
/// you: a capability that records through the contact log must not call the matching method here again.
/// Prometheus names are in docs/operations.md.
/// </summary>
internal sealed class LeewayMetrics
{
    public const string MeterName = "Leeway";

    private readonly Counter<long> contacts;
    private readonly Counter<long> ended;
    private readonly Counter<long> escalations;
    private readonly Counter<long> deadEnds;
    private readonly Histogram<int> effort;
    private readonly Histogram<double> resolution;
    private readonly Histogram<double> replyLatency;
    private readonly Counter<long> nudges;
    private readonly Counter<long> recovered;
    private readonly Counter<long> recoveredAmount;
    private long endedCount;
    private long automatedCount;
    private long inboundCount;
    private long humanCount;

    /// <param name="meters">The host's meter factory, so two hosts in one process (eval, tests) keep their own counts.</param>
    public LeewayMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        contacts = meter.CreateCounter<long>("leeway.contacts", "{contact}", "Contacts routed, by tier, intent and channel (Tier 0: nudges that stood in for a contact).");
        ended = meter.CreateCounter<long>("leeway.conversations.ended", "{conversation}", "Contacts that reached an outcome, by outcome and the tier that finished them.");
        escalations = meter.CreateCounter<long>("leeway.escalations", "{contact}", "Contacts handed to a person after starting below Tier 3.");
        deadEnds = meter.CreateCounter<long>("leeway.dead_ends", "{contact}", "Contacts that ended with neither a fix nor a person. Must stay 0.");
        effort = meter.CreateHistogram<int>("leeway.effort.score", "{score}", "The one-question effort survey: 1 (very hard) to 5 (very easy).",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 3, 4, 5] });
        resolution = meter.CreateHistogram<double>("leeway.resolution.duration", "s", "From routing to a resolved, self-served or answered outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [5, 15, 30, 60, 120, 300, 900, 3600, 14400, 86400] });
        replyLatency = meter.CreateHistogram<double>("leeway.reply.latency", "ms", "How long Lee took to reply to one message.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [50, 100, 250, 500, 1000, 2000, 5000, 10000, 30000] });
        nudges = meter.CreateCounter<long>("leeway.nudges.sent", "{nudge}", "Tier 0 nudges sent, by reason and channel.");
        recovered = meter.CreateCounter<long>("leeway.payments.recovered", "{payment}", "Failed payments later paid, by currency and what recovered them.");
        recoveredAmount = meter.CreateCounter<long>("leeway.payments.recovered.amount", "{minor_unit}", "Recovered revenue in minor units, by currency and what recovered them.");
        meter.CreateObservableGauge("leeway.automated_resolution.ratio", () => Ratio(automatedCount, endedCount), "1",
            "Since start: ended contacts resolved, self-served or answered without a person, over all ended contacts.");
        meter.CreateObservableGauge("leeway.containment.ratio", () => Ratio(inboundCount - humanCount, inboundCount), "1",
            "Since start: inbound contacts that never reached a person, over all inbound contacts.");
    }

    /// <summary>A contact got its tier (<see cref="Routing.Tier"/>). Channel <c>prevent</c> is a Tier 0 nudge.</summary>
    public void ContactRouted(int tier, string intent, string channel)
    {
        contacts.Add(1, new("tier", Tier.Name(tier)), new("intent", intent), new("channel", channel));
        if (channel != ContactChannel.Prevent)
        {
            Interlocked.Increment(ref inboundCount);
            if (tier == Tier.Human)
            {
                Interlocked.Increment(ref humanCount);
            }
        }
    }

    /// <summary>
    /// A contact reached an outcome (<see cref="ContactOutcome"/>). <paramref name="startTier"/> is the routed tier,
    /// <paramref name="finishedTier"/> the tier that finished it; a rise to Tier 3 counts as an escalation.
    /// </summary>
    public void ConversationEnded(string outcome, int startTier, int finishedTier, TimeSpan? sinceRouted = null)
    {
        ended.Add(1, new("outcome", outcome), new("tier", Tier.Name(finishedTier)));
        Interlocked.Increment(ref endedCount);
        if (ContactOutcome.IsAutomated(outcome) && finishedTier < Tier.Human)
        {
            Interlocked.Increment(ref automatedCount);
        }

        if (finishedTier == Tier.Human && startTier < Tier.Human)
        {
            escalations.Add(1, new KeyValuePair<string, object?>("from_tier", Tier.Name(startTier)));
            Interlocked.Increment(ref humanCount);
        }

        if (outcome == ContactOutcome.DeadEnd)
        {
            DeadEnd();
        }

        if (sinceRouted is { } took && ContactOutcome.IsAutomated(outcome))
        {
            resolution.Record(took.TotalSeconds);
        }
    }

    /// <summary>A contact ended with neither a fix nor a person. Dashboards alert on any.</summary>
    public void DeadEnd() => deadEnds.Add(1);

    public void EffortScore(int score) => effort.Record(score);

    public void ReplyLatency(double milliseconds) => replyLatency.Record(milliseconds);

    public void NudgeSent(string reason, string channel) => nudges.Add(1, new("reason", reason), new("channel", channel));

    /// <param name="amount">Minor units.</param>
    /// <param name="via">What recovered it: <c>nudge</c>, <c>retry</c>, <c>link</c>, <c>dashboard</c>, <c>agent</c>.</param>
    public void PaymentRecovered(long amount, string currency, string via)
    {
        recovered.Add(1, new("currency", currency), new("via", via));
        recoveredAmount.Add(amount, new("currency", currency), new("via", via));
    }

    private static double Ratio(long part, long whole) => whole == 0 ? 0 : (double)Math.Max(0, part) / whole;
}
