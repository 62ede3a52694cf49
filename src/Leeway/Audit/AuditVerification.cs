namespace Leeway.Audit;

/// <summary>
/// What <see cref="AuditVerifier"/> found: the chain intact with <see cref="Count"/> entries, or the first entry that was
/// altered or removed (<see cref="BrokenSeq"/>) and what differs (<see cref="Problem"/>).
/// </summary>
public sealed record AuditVerification(bool Intact, long Count, string? HeadHash, long? BrokenSeq, string? Problem)
{
    public override string ToString() => Intact
        ? $"OK: {Count} audit entries, hash chain intact{(HeadHash is null ? "" : $" (head {HeadHash[..16]}…)")}"
        : $"BROKEN at entry {BrokenSeq}: {Problem}";
}
