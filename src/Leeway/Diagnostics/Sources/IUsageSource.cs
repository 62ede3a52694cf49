namespace Leeway.Diagnostics.Sources;

internal interface IUsageSource
{
    string Name { get; }

    Task<IReadOnlyList<UsageRecord>> ReadAsync(string customerId, CancellationToken cancellationToken);
}
