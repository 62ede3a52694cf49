namespace Leeway.StripeSandbox.Api;

/// <summary>The sandbox's own record of every mutating <c>/v1</c> request, in the order they finished.</summary>
internal sealed class RequestLog
{
    private readonly Lock _sync = new();
    private readonly List<RequestRecord> _records = [];

    public void Add(RequestRecord record)
    {
        lock (_sync)
        {
            _records.Add(record);
        }
    }

    public List<RequestRecord> Snapshot()
    {
        lock (_sync)
        {
            return [.. _records];
        }
    }
}
