namespace Leeway.Audit;

/// <summary>
/// The append-only, hash-chained audit log. Every gate decision (allowed, denied or error) is one entry;
/// each entry holds the hash of the one before, so <see cref="AuditVerifier"/> finds the first altered or removed entry.
/// </summary>
internal interface IAuditLog
{
    /// <summary>Appends one entry at the end of the chain (appends are serialized, so the chain never forks).</summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Every entry written under this idempotency key, oldest first.</summary>
    Task<IReadOnlyList<AuditEntry>> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken);
}
