using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Leeway.Identity;

/// <summary>
/// Signed, expiring bearer tokens that name one customer: <c>lwy1.{base64url(json)}.{base64url(hmac)}</c>.
/// Signed by the product so a customer cannot name someone else.
/// </summary>
internal sealed class CustomerTokens(byte[] signingKey, TimeProvider time, TimeSpan lifetime)
{
    private const string Prefix = "lwy1";

    public string Issue(string customerId) => Issue(customerId, lifetime);

    /// <summary>A token that lives <paramref name="validFor"/> instead of the usual lifetime (a short-lived e-mailed sign-in link).</summary>
    public string Issue(string customerId, TimeSpan validFor)
    {
        // A random id makes every token distinct, so signing one out (RevokedCredentials) revokes that one only.
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(customerId, time.GetUtcNow().Add(validFor).ToUnixTimeSeconds(), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))));
        var body = Base64Url(payload);
        return $"{Prefix}.{body}.{Sign(body)}";
    }

    /// <summary>The customer the token names, or null when it is malformed, forged or expired.</summary>
    public string? Validate(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts[0] != Prefix)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(parts[1]));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(parts[2])))
        {
            return null;
        }

        try
        {
            var payload = JsonSerializer.Deserialize<TokenPayload>(FromBase64Url(parts[1]));
            if (payload is null || string.IsNullOrEmpty(payload.sub) || payload.exp < time.GetUtcNow().ToUnixTimeSeconds())
            {
                return null;
            }

            return payload.sub;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
    }

    private string Sign(string body) => Base64Url(HMACSHA256.HashData(signingKey, Encoding.ASCII.GetBytes(body)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        return Convert.FromBase64String(padded);
    }

    private sealed record TokenPayload(string sub, long exp, string? jti = null);
}
