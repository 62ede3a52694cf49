namespace Leeway.Eval;

/// <summary>The product's clock in eval: it follows the sandbox's, moved forward step by step.</summary>
internal sealed class WorldClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void MoveTo(DateTimeOffset time)
    {
        if (time.UtcTicks < Interlocked.Read(ref _ticks))
        {
            throw new InvalidOperationException("The world clock only moves forward.");
        }

        Interlocked.Exchange(ref _ticks, time.UtcTicks);
    }
}
