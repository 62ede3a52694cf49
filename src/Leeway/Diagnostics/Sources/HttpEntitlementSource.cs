using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Leeway.Diagnostics.Sources;

/// <summary>
/// Entitlements from a JSON entitlements service: <c>GET {base}/customers/{id}/entitlements</c> →
/// <c>[{"feature": "sso", "active": true, "source": "sub_123"}]</c>. A 404 means the service knows no entitlements
/// for the customer; any other failure throws, and the diagnosis reports the source as unavailable.
/// </summary>
internal sealed class HttpEntitlementSource(IHttpClientFactory httpClients, Uri baseUrl) : IEntitlementSource
{
    public const string ClientName = "diagnostics-entitlements";

    public string Name => SourceNames.Entitlements;

    public async Task<IReadOnlyList<EntitlementRecord>> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        var url = new Uri($"{baseUrl.ToString().TrimEnd('/')}/customers/{Uri.EscapeDataString(customerId)}/entitlements");
        var http = httpClients.CreateClient(ClientName);
        using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }

        response.EnsureSuccessStatusCode();
        var items = await response.Content.ReadFromJsonAsync<List<Item>>(cancellationToken)
            ?? throw new JsonException($"The entitlements service answered null for {url}.");
        return items.Select((item, i) => new EntitlementRecord(
            string.IsNullOrWhiteSpace(item.Feature) ? throw new JsonException($"Entitlement [{i}] from {url} has no 'feature'.") : item.Feature,
            item.Active ?? throw new JsonException($"Entitlement [{i}] ('{item.Feature}') from {url} has no 'active'."),
            string.IsNullOrWhiteSpace(item.Source) ? "unknown" : item.Source)).ToList();
    }

    private sealed record Item(
        [property: JsonPropertyName("feature")] string? Feature,
        [property: JsonPropertyName("active")] bool? Active,
        [property: JsonPropertyName("source")] string? Source);
}
