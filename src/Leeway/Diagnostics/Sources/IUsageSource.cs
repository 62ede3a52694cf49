namespace Leeway.Diagnostics.Sources;

public interface IUsageSource
{
    string Name { get; }

    Task<IReadOnlyList<UsageRecord>> ReadAsync(string customerId, CancellationToken cancellationToken);
}
