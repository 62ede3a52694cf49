namespace Leeway.Bench.Prevent;

/// <summary>The product's clock during the burst: the sandbox's frozen "now", so signatures and due times agree.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
