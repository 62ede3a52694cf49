using System.Text.Json.Serialization;

namespace Leeway.Observability.Backlog;

/// <summary>
/// A ranked backlog: the Pareto rows of billing intents (most cases first; shares of the billing cases), the cases read
/// as not about billing counted apart, the totals, and the rows that could not be read.
/// </summary>
/// <param name="Cases">Every case ranked, out-of-scope ones included.</param>
/// <param name="MonthlyCostNow">Of the billing cases (the Pareto rows) only.</param>
/// <param name="Months">How many months the export covers (from its CreatedDate span), which monthly figures divide by.</param>
/// <param name="MonthsAssumed">True when the export had no usable dates and was taken to be one month.</param>
internal sealed record BacklogRanking(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("cases")] long Cases,
    [property: JsonPropertyName("rows")] IReadOnlyList<ParetoRow> Rows,
    [property: JsonPropertyName("out_of_scope")] OutOfScope OutOfScope,
    [property: JsonPropertyName("first_created")] DateTimeOffset? FirstCreated,
    [property: JsonPropertyName("last_created")] DateTimeOffset? LastCreated,
    [property: JsonPropertyName("months")] double Months,
    [property: JsonPropertyName("months_assumed")] bool MonthsAssumed,
    [property: JsonPropertyName("currency")] string Currency,
    [property: JsonPropertyName("monthly_cost_now")] long MonthlyCostNow,
    [property: JsonPropertyName("monthly_cost_with_leeway")] long MonthlyCostWithLeeway,
    [property: JsonPropertyName("skipped_rows")] long SkippedRows,
    [property: JsonPropertyName("problems")] IReadOnlyList<CsvRowProblem> Problems,
    [property: JsonPropertyName("elapsed_ms")] long ElapsedMilliseconds);
