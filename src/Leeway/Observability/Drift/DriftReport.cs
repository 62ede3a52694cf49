using System.Text.Json.Serialization;

namespace Leeway.Observability.Drift;

/// <summary>The body of <c>GET /api/v1/ops/drift</c>: the current window against the baseline window.</summary>
internal sealed record DriftReport(
    [property: JsonPropertyName("baseline")] DriftWindow Baseline,
    [property: JsonPropertyName("current")] DriftWindow Current,
    [property: JsonPropertyName("enough_data")] bool EnoughData,
    [property: JsonPropertyName("flagged")] bool Flagged,
    [property: JsonPropertyName("intent_mix")] IntentMixDrift IntentMix,
    [property: JsonPropertyName("resolution_rate")] RateDrift ResolutionRate);

internal sealed record DriftWindow(
    [property: JsonPropertyName("from")] DateOnly From,
    [property: JsonPropertyName("to")] DateOnly To,
    [property: JsonPropertyName("contacts")] long Contacts);

/// <param name="Distance">Total variation distance between the two intent mixes, 0 (same) to 1 (disjoint).</param>
internal sealed record IntentMixDrift(
    [property: JsonPropertyName("distance")] double Distance,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("flagged")] bool Flagged,
    [property: JsonPropertyName("intents")] IReadOnlyList<IntentShareChange> Intents);

internal sealed record IntentShareChange(
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("baseline_share")] double BaselineShare,
    [property: JsonPropertyName("current_share")] double CurrentShare,
    [property: JsonPropertyName("change")] double Change);

internal sealed record RateDrift(
    [property: JsonPropertyName("baseline")] double? Baseline,
    [property: JsonPropertyName("current")] double? Current,
    [property: JsonPropertyName("change")] double? Change,
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("flagged")] bool Flagged);
