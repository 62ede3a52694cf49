namespace Leeway.Diagnostics.Sources;

/// <summary>Usage from the <see cref="EmbeddedSourceStore"/> (the default: <c>Diagnostics:Usage:Kind = embedded</c>).</summary>
internal sealed class EmbeddedUsageSource(EmbeddedSourceStore store) : IUsageSource
{
    public string Name => SourceNames.Usage;

    public Task<IReadOnlyList<UsageRecord>> ReadAsync(string customerId, CancellationToken cancellationToken) =>
        store.ReadUsageAsync(customerId, cancellationToken);
}
