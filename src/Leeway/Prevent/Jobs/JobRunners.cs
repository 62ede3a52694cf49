using System.Collections.Concurrent;

namespace Leeway.Prevent.Jobs;

/// <summary>The job runners by kind: those registered in DI, plus any added to a built host (tests, benchmarks).</summary>
internal sealed class JobRunners
{
    private readonly ConcurrentDictionary<string, IJobRunner> _byKind = new(StringComparer.Ordinal);

    public JobRunners(IEnumerable<IJobRunner> runners)
    {
        foreach (var runner in runners)
        {
            Add(runner);
        }
    }

    public bool Has(string kind) => _byKind.ContainsKey(kind);

    public IJobRunner? For(string kind) => _byKind.GetValueOrDefault(kind);

    public void Add(IJobRunner runner) => _byKind[runner.Kind] = runner;
}
