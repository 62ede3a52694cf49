using System.Text.Json.Serialization;

namespace Leeway.Observability.Cost;

/// <summary>
/// The cost model: per tier, its share of contacts, the monthly volume, the unit cost and the monthly cost; what the
/// same volume would cost if people handled all of it; and the revenue recovered. Money in minor units of <see cref="Currency"/>.
/// </summary>
internal sealed record CostTable(
    [property: JsonPropertyName("from")] DateOnly? From,
    [property: JsonPropertyName("to")] DateOnly? To,
    [property: JsonPropertyName("window_days")] double WindowDays,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("rows")] IReadOnlyList<CostRow> Rows,
    [property: JsonPropertyName("total")] CostRow Total,
    [property: JsonPropertyName("monthly_cost_all_human")] long MonthlyCostAllHuman,
    [property: JsonPropertyName("monthly_savings")] long MonthlySavings,
    [property: JsonPropertyName("recovered")] IReadOnlyList<RecoveredRevenue> Recovered);

/// <param name="Tier">0..3, or null on the total row.</param>
/// <param name="Volume">Contacts in the window.</param>
/// <param name="MonthlyVolume">The window's volume scaled to a month.</param>
/// <param name="UnitCost">Minor units per contact (on the total row: the blended average).</param>
internal sealed record CostRow(
    [property: JsonPropertyName("tier")] int? Tier,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("mix")] double Mix,
    [property: JsonPropertyName("volume")] long Volume,
    [property: JsonPropertyName("monthly_volume")] long MonthlyVolume,
    [property: JsonPropertyName("unit_cost")] long UnitCost,
    [property: JsonPropertyName("monthly_cost")] long MonthlyCost);

/// <summary>Failed payments later paid, in one currency (minor units), in the window and scaled to a month.</summary>
internal sealed record RecoveredRevenue(
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("payments")] long Payments,
    [property: JsonPropertyName("amount")] long Amount,
    [property: JsonPropertyName("monthly_amount")] long MonthlyAmount,
    [property: JsonPropertyName("by_via")] IReadOnlyDictionary<string, long> ByVia);
