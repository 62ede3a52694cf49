namespace Leeway.Diagnostics.Sources;

/// <summary>Entitlements from the <see cref="EmbeddedSourceStore"/> (the default: <c>Diagnostics:Entitlements:Kind = embedded</c>).</summary>
internal sealed class EmbeddedEntitlementSource(EmbeddedSourceStore store) : IEntitlementSource
{
    public string Name => SourceNames.Entitlements;

    public Task<IReadOnlyList<EntitlementRecord>> ReadAsync(string customerId, CancellationToken cancellationToken) =>
        store.ReadEntitlementsAsync(customerId, cancellationToken);
}
