using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Leeway.StripeSandbox.Webhooks;

/// <summary>Stripe's webhook signature: <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, "{t}.{body}")&gt;</c>.</summary>
internal static class WebhookSigner
{
    public static string Header(string secret, long timestamp, string body)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
