using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Leeway.Billing;

/// <summary>
/// This host's pace towards Stripe: reads and writes each at <see cref="BillingOptions.RequestsPerSecond"/> (by default
/// Stripe's own limit for the key's mode on api.stripe.com: 25 a second in test mode, 100 live; none against another
/// server, such as the sandbox, unless set). One per host: several hosts on one account share Stripe's limit, so each
/// is given its part.
/// </summary>
internal sealed class StripeRateLimits : IDisposable
{
    public StripeRateLimits(IOptions<BillingOptions> options)
    {
        var o = options.Value;
        PerSecond = o.RequestsPerSecond > 0 ? o.RequestsPerSecond
            : !IsStripe(o.ApiBase) ? null
            : StripeKeys.Mode(o.ApiKey.Trim()) == "live" ? 100 : 25;
        Reads = PerSecond is { } reads ? Limiter(reads) : null;
        Writes = PerSecond is { } writes ? Limiter(writes) : null;
    }

    /// <summary>Null: no limit (a server other than Stripe's, such as the sandbox, with none configured).</summary>
    public int? PerSecond { get; }

    public RateLimiter? Reads { get; }

    public RateLimiter? Writes { get; }

    private static bool IsStripe(string apiBase) => Uri.TryCreate(apiBase, UriKind.Absolute, out var uri) && uri.Host.EndsWith("stripe.com", StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        Reads?.Dispose();
        Writes?.Dispose();
    }

    /// <summary>
    /// A burst of a tenth of the limit, then a steady nine tenths of it: no one-second stretch holds more than the limit,
    /// however it lines up with Stripe's own counting (the burst plus a second's steady pace is the limit). A request that
    /// still meets a 429 (another host, network jitter bunching requests up) is retried.
    /// </summary>
    private static TokenBucketRateLimiter Limiter(int perSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, perSecond / 10),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(1000.0 / Math.Max(1, perSecond - Math.Max(1, perSecond / 10))),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
