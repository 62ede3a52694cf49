using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Api;

/// <summary>
/// Stripe's rate limiter (docs.stripe.com/rate-limits): a number of read and of write requests per second, beyond
/// which a request is refused with 429 and the <c>rate_limit</c> error. Off by default (a scenario's world is not a
/// load test); <c>/_sandbox/rate_limits</c> turns it on. Counts in one-second windows of real time. A test can also
/// have the next few reads or writes refused, as when other clients of the same account spent the second's budget just
/// before: the same 429, at a moment the test chooses rather than wherever a window boundary falls.
/// </summary>
internal sealed class RateLimits(TimeProvider machine)
{
    private readonly Lock _sync = new();
    private long _window = -1;
    private int _reads;
    private int _writes;
    private int _refuseReads;
    private int _refuseWrites;

    public bool Enabled { get; private set; }

    public int ReadsPerSecond { get; private set; } = 25;

    public int WritesPerSecond { get; private set; } = 25;

    /// <summary>Refused requests so far.</summary>
    public long Refused { get; private set; }

    public void Configure(bool enabled, int readsPerSecond, int writesPerSecond, int refuseNextReads, int refuseNextWrites)
    {
        lock (_sync)
        {
            (Enabled, ReadsPerSecond, WritesPerSecond) = (enabled, readsPerSecond, writesPerSecond);
            (_refuseReads, _refuseWrites) = (refuseNextReads, refuseNextWrites);
        }
    }

    /// <summary>Counts the request; false when it is over the limit (and is not to be served).</summary>
    public bool TryAcquire(bool write)
    {
        lock (_sync)
        {
            if (!Enabled)
            {
                return true;
            }

            var window = machine.GetUtcNow().ToUnixTimeSeconds();
            if (window != _window)
            {
                (_window, _reads, _writes) = (window, 0, 0);
            }

            bool allowed;
            if (write && _refuseWrites > 0)
            {
                (_refuseWrites, allowed) = (_refuseWrites - 1, false);
            }
            else if (!write && _refuseReads > 0)
            {
                (_refuseReads, allowed) = (_refuseReads - 1, false);
            }
            else
            {
                allowed = write ? ++_writes <= WritesPerSecond : ++_reads <= ReadsPerSecond;
            }

            if (!allowed)
            {
                Refused++;
            }

            return allowed;
        }
    }

    public JsonObject ToJson()
    {
        lock (_sync)
        {
            return new JsonObject
            {
                ["enabled"] = Enabled,
                ["reads_per_second"] = ReadsPerSecond,
                ["writes_per_second"] = WritesPerSecond,
                ["refused"] = Refused,
                ["refuse_next_reads"] = _refuseReads,
                ["refuse_next_writes"] = _refuseWrites,
            };
        }
    }
}
