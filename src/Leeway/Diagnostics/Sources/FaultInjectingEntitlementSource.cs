namespace Leeway.Diagnostics.Sources;

/// <summary>Decorates the configured entitlement source with an injected fault.</summary>
internal sealed class FaultInjectingEntitlementSource(IEntitlementSource inner, SourceFault fault) : IEntitlementSource
{
    public string Name => inner.Name;

    public Task<IReadOnlyList<EntitlementRecord>> ReadAsync(string customerId, CancellationToken cancellationToken) =>
        fault.FailAsync<IReadOnlyList<EntitlementRecord>>(cancellationToken);
}
