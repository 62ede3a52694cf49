namespace Leeway.Observability.Charts;

/// <summary>One bar of a Pareto chart with the cumulative share (0..1) up to and including it.</summary>
internal sealed record ParetoBar(string Label, long Value, double CumulativeShare);
