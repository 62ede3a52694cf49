using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Leeway.Tests.Prevent;

/// <summary>
/// Builds Stripe events and signs them the way Stripe does (<c>t=…,v1=hex(HMAC-SHA256(secret, "t.payload"))</c>),
/// written here from Stripe's documentation rather than borrowed from the library under test.
/// </summary>
internal static class WebhookSigner
{
    public static string Event(string id, string type, JsonObject dataObject, DateTimeOffset created, string? apiVersion = null) =>
        new JsonObject
        {
            ["id"] = id,
            ["object"] = "event",
            ["api_version"] = apiVersion ?? Stripe.StripeConfiguration.ApiVersion,
            ["created"] = created.ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
            ["data"] = new JsonObject { ["object"] = dataObject },
        }.ToJsonString();

    public static string Header(string payload, string secret, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexString(signature).ToLowerInvariant()}";
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, string payload, string? signatureHeader, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (signatureHeader is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signatureHeader);
        }

        return await http.SendAsync(request, cancellationToken);
    }
}
