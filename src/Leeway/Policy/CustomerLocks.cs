namespace Leeway.Policy;

/// <summary>
/// One async lock per customer: the gate decides and acts for a customer one decision at a time, so two different
/// decisions cannot both pass a count (refunds in 90 days) read before either acted. In-process only: a deployment
/// with several instances needs a database lock per customer (e.g. a PostgreSQL advisory lock) in its place.
/// </summary>
internal sealed class CustomerLocks
{
    private readonly Dictionary<string, Entry> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string customerId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_locks)
        {
            if (!_locks.TryGetValue(customerId, out entry!))
            {
                entry = new Entry();
                _locks[customerId] = entry;
            }

            entry.Users++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch
        {
            Release(customerId, entry, held: false);
            throw;
        }

        return new Releaser(this, customerId, entry);
    }

    private void Release(string customerId, Entry entry, bool held)
    {
        if (held)
        {
            entry.Semaphore.Release();
        }

        lock (_locks)
        {
            if (--entry.Users == 0)
            {
                _locks.Remove(customerId);
                entry.Semaphore.Dispose();
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Releaser(CustomerLocks owner, string customerId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Release(customerId, entry, held: true);
            }
        }
    }
}
