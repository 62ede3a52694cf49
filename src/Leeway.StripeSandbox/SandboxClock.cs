using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox;

/// <summary>
/// The world's clock. Frozen at the start time when one is given (eval: time moves only when advanced);
/// otherwise it follows the machine's clock plus whatever it was advanced by (standalone use).
/// </summary>
internal sealed class SandboxClock
{
    private readonly TimeProvider _machine;
    private readonly bool _frozen;
    private long _ticks;

    public SandboxClock(DateTimeOffset? start, TimeProvider machine)
    {
        _machine = machine;
        _frozen = start is not null;
        _ticks = start is { } s ? s.UtcTicks : 0;
    }

    public DateTimeOffset Now => _frozen
        ? new DateTimeOffset(Interlocked.Read(ref _ticks), TimeSpan.Zero)
        : _machine.GetUtcNow().AddTicks(Interlocked.Read(ref _ticks));

    public long Unix => UnixTime.Of(Now);

    /// <summary>Moves the clock to <paramref name="time"/>; never backwards.</summary>
    public void MoveTo(DateTimeOffset time)
    {
        var delta = time.UtcTicks - Now.UtcTicks;
        if (delta > 0)
        {
            Interlocked.Add(ref _ticks, delta);
        }
    }

    /// <summary>Sets the clock (seeding a world): frozen worlds jump to it, following ones shift their offset.</summary>
    public void Set(DateTimeOffset time)
    {
        var delta = time.UtcTicks - Now.UtcTicks;
        Interlocked.Add(ref _ticks, delta);
    }
}
