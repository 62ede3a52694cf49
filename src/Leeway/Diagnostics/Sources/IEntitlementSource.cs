namespace Leeway.Diagnostics.Sources;

internal interface IEntitlementSource
{
    string Name { get; }

    Task<IReadOnlyList<EntitlementRecord>> ReadAsync(string customerId, CancellationToken cancellationToken);
}
