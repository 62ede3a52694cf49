using System.Security.Cryptography;
using System.Text.Json;

namespace Leeway.Audit;

/// <summary>
/// The hash of an entry: SHA-256 (lowercase hex) over a canonical JSON array of every field in a fixed order, the previous
/// entry's hash last. JSON string encoding makes the serialization unambiguous (no field can bleed into the next).
/// </summary>
internal static class AuditHash
{
    /// <summary>The <c>prev_hash</c> of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Compute(long seq, long atUnixMs, AuditRecord r, string prevHash)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(seq);
            json.WriteNumberValue(atUnixMs);
            json.WriteStringValue(r.Actor);
            json.WriteStringValue(r.Principal);
            WriteNullable(json, r.Customer);
            json.WriteStringValue(r.Action);
            json.WriteStringValue(r.Parameters);
            json.WriteStringValue(r.Rule);
            json.WriteStringValue(r.Decision);
            WriteNullable(json, r.IdempotencyKey);
            WriteNullable(json, r.StripeRequestId);
            WriteNullable(json, r.Outcome);
            WriteNullable(json, r.ApprovedBy);
            json.WriteStringValue(prevHash);
            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public static string Compute(AuditEntry e) => Compute(e.Seq, e.At.ToUnixTimeMilliseconds(), ToRecord(e), e.PrevHash);

    public static AuditRecord ToRecord(AuditEntry e) =>
        new(e.Actor, e.Principal, e.Customer, e.Action, e.Parameters, e.Rule, e.Decision, e.IdempotencyKey, e.StripeRequestId, e.Outcome, e.ApprovedBy);

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }
}
