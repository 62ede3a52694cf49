namespace Leeway.Diagnostics.Sources;

/// <summary>Placeholder until the diagnostics work lands: the embedded entitlements and usage stores.</summary>
public sealed class EmbeddedSourceStore
{
    public Task FeedAsync(string customerId, IReadOnlyList<EntitlementRecord> entitlements, IReadOnlyList<UsageRecord> usage, CancellationToken cancellationToken)
    {
        _ = (customerId, entitlements, usage);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.CompletedTask;
    }
}
