using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Leeway.Diagnostics;

/// <summary>
/// Complete diagnoses per customer for <c>Diagnostics:Cache:TtlSeconds</c>. A generation per customer makes
/// <see cref="Invalidate"/> also void a diagnosis that was being computed when it was called.
/// </summary>
internal sealed class DiagnosisCache(IOptions<DiagnosticsOptions> options, TimeProvider time) : IDiagnosisCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);

    public void Invalidate(string customerId)
    {
        _generations.AddOrUpdate(customerId, 1, (_, generation) => generation + 1);
        _entries.TryRemove(customerId, out _);
    }

    /// <summary>The generation to hand back to <see cref="Store"/>; read it before computing.</summary>
    public long Generation(string customerId) => _generations.GetValueOrDefault(customerId);

    public Diagnosis? Get(string customerId)
    {
        if (!_entries.TryGetValue(customerId, out var entry))
        {
            return null;
        }

        if (entry.ExpiresAt > time.GetUtcNow() && entry.Generation == Generation(customerId))
        {
            return entry.Diagnosis;
        }

        _entries.TryRemove(KeyValuePair.Create(customerId, entry));
        return null;
    }

    /// <summary>Keeps a diagnosis computed from <paramref name="generation"/>, unless the customer was invalidated since.</summary>
    public void Store(string customerId, long generation, Diagnosis diagnosis)
    {
        var settings = options.Value.Cache;
        if (_entries.Count >= settings.MaxEntries)
        {
            Evict();
        }

        var entry = new Entry(diagnosis, generation, time.GetUtcNow().AddSeconds(settings.TtlSeconds));
        _entries[customerId] = entry;
        if (Generation(customerId) != generation)
        {
            _entries.TryRemove(KeyValuePair.Create(customerId, entry));
        }
    }

    private void Evict()
    {
        var now = time.GetUtcNow();
        foreach (var (customerId, entry) in _entries)
        {
            if (entry.ExpiresAt <= now)
            {
                _entries.TryRemove(KeyValuePair.Create(customerId, entry));
            }
        }

        if (_entries.Count >= options.Value.Cache.MaxEntries)
        {
            _entries.Clear();
        }
    }

    private sealed record Entry(Diagnosis Diagnosis, long Generation, DateTimeOffset ExpiresAt);
}
