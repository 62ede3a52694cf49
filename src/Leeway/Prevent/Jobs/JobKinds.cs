namespace Leeway.Prevent.Jobs;

/// <summary>The kinds of scheduled job Tier 0 runs.</summary>
internal static class JobKinds
{
    /// <summary>A smart retry of one open invoice, through the gate.</summary>
    public const string RetryPayment = "retry_payment";

    /// <summary>The daily look for default cards that expire before the next renewal.</summary>
    public const string CardScan = "card_scan";
}
