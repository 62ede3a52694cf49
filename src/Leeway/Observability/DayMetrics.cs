using System.Text.Json.Serialization;

namespace Leeway.Observability;

/// <summary>
/// The operations metrics of one day (or a whole window, for totals). Rates are null when nothing was there to
/// measure, so a chart shows a gap rather than a false 0. Definitions are in docs/operations.md.
/// </summary>
internal sealed record DayMetrics(
    [property: JsonPropertyName("date")] DateOnly? Date,
    [property: JsonPropertyName("contacts")] long Contacts,
    [property: JsonPropertyName("by_tier")] IReadOnlyDictionary<string, long> ByTier,
    [property: JsonPropertyName("by_intent")] IReadOnlyDictionary<string, long> ByIntent,
    [property: JsonPropertyName("ended")] long Ended,
    [property: JsonPropertyName("automated_resolution_rate")] double? AutomatedResolutionRate,
    [property: JsonPropertyName("containment_rate")] double? ContainmentRate,
    [property: JsonPropertyName("escalations")] long Escalations,
    [property: JsonPropertyName("direct_to_human")] long DirectToHuman,
    [property: JsonPropertyName("dead_ends")] long DeadEnds,
    [property: JsonPropertyName("effort_score")] double? EffortScore,
    [property: JsonPropertyName("surveys")] long Surveys,
    [property: JsonPropertyName("time_to_resolution_s")] double? TimeToResolutionSeconds,
    [property: JsonPropertyName("reply_latency_ms")] double? ReplyLatencyMilliseconds,
    [property: JsonPropertyName("reply_latency_max_ms")] long ReplyLatencyMaxMilliseconds,
    [property: JsonPropertyName("nudges_sent")] long NudgesSent,
    [property: JsonPropertyName("payments_recovered")] long PaymentsRecovered,
    [property: JsonPropertyName("recovered_amount")] IReadOnlyDictionary<string, long> RecoveredAmount);
