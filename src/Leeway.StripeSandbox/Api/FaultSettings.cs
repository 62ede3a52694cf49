namespace Leeway.StripeSandbox.Api;

/// <summary>Injected trouble: a delay on every <c>/v1</c> request, a further delay on mutating ones (a write Stripe is slow
/// to confirm), and failing reads (<c>error</c> or <c>timeout</c>).</summary>
internal sealed class FaultSettings
{
    private volatile string? _readMode;
    private int _latencyMs;
    private int _writeLatencyMs;
    private int _failWrites;

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

    /// <summary>How many of the next mutating requests fail inside Stripe once they began executing (a 500 that
    /// Stripe stores for the idempotency key).</summary>
    public int FailWrites
    {
        get => Volatile.Read(ref _failWrites);
        set => Volatile.Write(ref _failWrites, value);
    }

    /// <summary>Takes one of <see cref="FailWrites"/>, if any is left.</summary>
    public bool TakeWriteFailure()
    {
        int left;
        do
        {
            left = Volatile.Read(ref _failWrites);
            if (left <= 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref _failWrites, left - 1, left) != left);
        return true;
    }

    public int WriteLatencyMs
    {
        get => Volatile.Read(ref _writeLatencyMs);
        set => Volatile.Write(ref _writeLatencyMs, value);
    }
}
