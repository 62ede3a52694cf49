namespace Leeway.Bench.Prevent;

/// <summary>The product's clock when hosts share a database: the sandbox's "now", moved on by hand (a killed host's
/// claims expire when it moves past their lease). Timers run on real time.</summary>
internal sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => start.AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
