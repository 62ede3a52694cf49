namespace Leeway.StripeSandbox.Api;

/// <summary>Injected trouble: a delay on every <c>/v1</c> request, a further delay on mutating ones (a write Stripe is slow
/// to confirm), and failing reads (<c>error</c> or <c>timeout</c>).</summary>
internal sealed class FaultSettings
{
    private volatile string? _readMode;
    private int _latencyMs;
    private int _writeLatencyMs;

    public string? ReadMode
    {
        get => _readMode;
        set => _readMode = value;
    }

    public int LatencyMs
    {
        get => Volatile.Read(ref _latencyMs);
        set => Volatile.Write(ref _latencyMs, value);
    }

    public int WriteLatencyMs
    {
        get => Volatile.Read(ref _writeLatencyMs);
        set => Volatile.Write(ref _writeLatencyMs, value);
    }
}
