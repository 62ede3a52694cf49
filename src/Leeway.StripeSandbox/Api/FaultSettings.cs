namespace Leeway.StripeSandbox.Api;

/// <summary>Injected trouble: a delay on every <c>/v1</c> request, and failing reads (<c>error</c> or <c>timeout</c>).</summary>
internal sealed class FaultSettings
{
    private volatile string? _readMode;
    private int _latencyMs;

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
}
