namespace Leeway.Diagnostics.Sources;

/// <summary>Decorates the configured usage source with an injected fault.</summary>
internal sealed class FaultInjectingUsageSource(IUsageSource inner, SourceFault fault) : IUsageSource
{
    public string Name => inner.Name;

    public Task<IReadOnlyList<UsageRecord>> ReadAsync(string customerId, CancellationToken cancellationToken) =>
        fault.FailAsync<IReadOnlyList<UsageRecord>>(cancellationToken);
}
