using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Payments;

/// <summary>
/// Smart Retries as a Stripe account has them by default: on, up to 4 retries within 21 days of the first failure
/// (docs.stripe.com/billing/revenue-recovery/smart-retries: <c>max_retry_count</c> up to 8, <c>retries_end_after_days</c>
/// up to 60). Stripe picks each time with machine learning; the sandbox spreads the retries evenly over the window,
/// so a test can know when they happen. Read and written under the world lock.
/// </summary>
internal sealed class SmartRetrySettings
{
    private const long Day = 24 * 3600;

    public bool Enabled { get; set; } = true;

    public int MaxRetryCount { get; set; } = 4;

    public int RetriesEndAfterDays { get; set; } = 21;

    /// <summary>When the retry after <paramref name="attempts"/> attempts happens (the first attempt at
    /// <paramref name="firstAttemptAt"/>), or null when no more retries are due.</summary>
    public long? NextAttempt(long firstAttemptAt, long attempts, long now)
    {
        var retriesDone = Math.Max(0, attempts - 1);
        if (!Enabled || retriesDone >= MaxRetryCount)
        {
            return null;
        }

        var at = firstAttemptAt + (RetriesEndAfterDays * Day * (retriesDone + 1) / MaxRetryCount);
        return Math.Max(at, now + 3600);
    }

    public JsonObject ToJson() => new()
    {
        ["enabled"] = Enabled,
        ["max_retry_count"] = MaxRetryCount,
        ["retries_end_after_days"] = RetriesEndAfterDays,
    };
}
