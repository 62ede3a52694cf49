namespace Leeway.Diagnostics.Sources;

public interface IEntitlementSource
{
    string Name { get; }

    Task<IReadOnlyList<EntitlementRecord>> ReadAsync(string customerId, CancellationToken cancellationToken);
}
