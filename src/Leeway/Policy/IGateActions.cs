namespace Leeway.Policy;

/// <summary>The gate's typed record of its decisions (<see cref="GateActionRecord"/>), for the capabilities that ask what was done.</summary>
internal interface IGateActions
{
    /// <summary>
    /// The customer's decisions since <paramref name="since"/>, newest first, including the ones still
    /// <see cref="GateDecision.Pending"/> (sent to Stripe, its answer not recorded yet).
    /// </summary>
    Task<IReadOnlyList<GateActionRecord>> ListForCustomerAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The decisions the given audit entries record, by audit entry.</summary>
    Task<IReadOnlyDictionary<long, GateActionRecord>> FindByAuditEntriesAsync(IReadOnlyCollection<long> auditEntryIds, CancellationToken cancellationToken);
}
