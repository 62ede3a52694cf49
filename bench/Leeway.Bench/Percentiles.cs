namespace Leeway.Bench;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile <paramref name="p"/> (0..1) of the samples; 0 when there are none.</summary>
    public static double Of(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}
