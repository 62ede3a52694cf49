namespace Leeway.Prevent.Jobs;

/// <summary>
/// Work that falls due on the injected clock (dunning retries, link renewals, nudges, expiring-card scans).
/// A background service calls <see cref="RunDueAsync"/> on a timer in production; eval calls it after each clock step.
/// </summary>
internal interface IScheduledWork
{
    /// <returns>How many jobs ran.</returns>
    Task<int> RunDueAsync(CancellationToken cancellationToken);
}
