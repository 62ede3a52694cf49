using System.Text.Json.Serialization;

namespace Leeway.Audit;

/// <summary>
/// What <see cref="AuditVerifier"/> found: the chain intact with <see cref="Count"/> entries, or the first entry that was
/// altered or removed (<see cref="BrokenSeq"/>) and what differs (<see cref="Problem"/>).
/// </summary>
public sealed record AuditVerification(
    [property: JsonPropertyName("intact")] bool Intact,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("head_hash")] string? HeadHash,
    [property: JsonPropertyName("broken_seq")] long? BrokenSeq,
    [property: JsonPropertyName("problem")] string? Problem)
{
    public override string ToString() => Intact
        ? $"OK: {Count} audit entries, hash chain intact{(HeadHash is null ? "" : $" (head {HeadHash[..16]}…)")}"
        : $"BROKEN at entry {BrokenSeq}: {Problem}";
}
