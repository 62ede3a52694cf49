namespace Leeway.Prevent;

/// <summary>Waits between attempts that grow with each failure, so a struggling dependency is not hammered.</summary>
internal static class Backoff
{
    /// <param name="attempts">Attempts made so far (1 after the first failure).</param>
    public static TimeSpan Exponential(int attempts, TimeSpan first, TimeSpan max)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var wait = first * factor;
        return wait > max ? max : wait;
    }
}
