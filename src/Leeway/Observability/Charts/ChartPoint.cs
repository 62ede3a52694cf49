namespace Leeway.Observability.Charts;

/// <summary>One day's value on a line chart; null draws a gap (nothing measured), not a zero.</summary>
internal sealed record ChartPoint(DateOnly Day, double? Value);
