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
    /// A burst of a fifth of the limit, then a steady 80 % of it: no one-second stretch holds more than the limit, however
    /// it lines up with Stripe's own counting.
    /// </summary>
    private static TokenBucketRateLimiter Limiter(int perSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, perSecond / 5),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMilliseconds(1000.0 / Math.Max(1, perSecond * 4 / 5)),
        QueueLimit = int.MaxValue,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
