using System.Text.Json.Serialization;

namespace Leeway.Observability.Backlog;

/// <summary>
/// One intent of the ranked backlog: how many cases, their share and the cumulative share down the table, the tier
/// that could take them, and what they cost a month now (people handle all) and with Leeway (that tier's unit cost).
/// Money in minor units. <see cref="MeanConfidence"/> and <see cref="Unsure"/> say how sure the classifier was (unsure:
/// under Lee's confidence floor).
/// </summary>
internal sealed record ParetoRow(
    [property: JsonPropertyName("intent")] string Intent,
    [property: JsonPropertyName("cases")] long Cases,
    [property: JsonPropertyName("share")] double Share,
    [property: JsonPropertyName("cumulative_share")] double CumulativeShare,
    [property: JsonPropertyName("tier")] int Tier,
    [property: JsonPropertyName("tier_label")] string TierLabel,
    [property: JsonPropertyName("monthly_cases")] long MonthlyCases,
    [property: JsonPropertyName("monthly_cost_now")] long MonthlyCostNow,
    [property: JsonPropertyName("monthly_cost_with_leeway")] long MonthlyCostWithLeeway,
    [property: JsonPropertyName("mean_confidence")] double MeanConfidence,
    [property: JsonPropertyName("unsure_cases")] long Unsure);
