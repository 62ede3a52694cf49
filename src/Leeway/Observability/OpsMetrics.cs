using System.Text.Json.Serialization;

namespace Leeway.Observability;

/// <summary>The body of <c>GET /api/v1/ops/metrics</c>: one entry per UTC day of the window (empty days included), and the totals.</summary>
internal sealed record OpsMetrics(
    [property: JsonPropertyName("from")] DateOnly From,
    [property: JsonPropertyName("to")] DateOnly To,
    [property: JsonPropertyName("days")] IReadOnlyList<DayMetrics> Days,
    [property: JsonPropertyName("totals")] DayMetrics Totals);
