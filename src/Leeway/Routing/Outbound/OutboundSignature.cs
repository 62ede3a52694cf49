using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Leeway.Routing.Outbound;

/// <summary>
/// How a delivery is signed, the way Stripe signs its own webhooks: header <c>Leeway-Signature: t=UNIX,v1=HEX</c> with
/// <c>HEX = HMAC-SHA256(secret, "UNIX.body")</c>. The receiver recomputes it over the raw body, compares in constant
/// time and refuses a timestamp older than a few minutes (a replay).
/// </summary>
internal static class OutboundSignature
{
    public const string Header = "Leeway-Signature";

    public static string Sign(string secret, DateTimeOffset at, string body)
    {
        var t = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={t},v1={Mac(secret, t, body)}";
    }

    /// <summary>The receiver's check (docs/integrate.md has it in a few lines of any language).</summary>
    public static bool Verify(string secret, string header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToLookup(p => p[0], p => p[1]);
        var t = parts["t"].FirstOrDefault();
        if (t is null || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || (now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Mac(secret, t, body));
        return parts["v1"].Any(v => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(v), expected));
    }

    private static string Mac(string secret, string t, string body) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"))).ToLowerInvariant();
}
