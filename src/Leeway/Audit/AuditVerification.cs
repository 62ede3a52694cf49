using System.Text.Json.Serialization;

namespace Leeway.Audit;

/// <summary>
/// What <see cref="AuditVerifier"/> found: the chain intact with <see cref="Count"/> entries, or the first entry that was
/// altered or removed (<see cref="BrokenSeq"/>) and what differs (<see cref="Problem"/>).
/// </summary>
internal sealed record AuditVerification(
    [property: JsonPropertyName("intact")] bool Intact,
    [property: JsonPropertyName("count")] long Count,
    [property: JsonPropertyName("head_hash")] string? HeadHash,
    [property: JsonPropertyName("broken_seq")] long? BrokenSeq,
    [property: JsonPropertyName("problem")] string? Problem,
    [property: JsonPropertyName("anchored")] bool Anchored = false,
    [property: JsonPropertyName("note")] string? Note = null)
{
    public override string ToString() => Intact
        ? $"OK: {Count} audit entries, hash chain intact{(HeadHash is null ? "" : $" (head {HeadHash[..16]}…)")}" +
          (Anchored ? ", head matches the signed checkpoint" : Note is null ? "" : $"; head not anchored: {Note}")
        : BrokenSeq is null ? $"BROKEN: {Problem}" : $"BROKEN at entry {BrokenSeq}: {Problem}";
}
