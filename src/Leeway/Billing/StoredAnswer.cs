using System.Net;

namespace Leeway.Billing;

/// <summary>A successful Stripe answer kept for a read scope: enough to hand Stripe.net the same response again.</summary>
internal sealed record StoredAnswer(HttpStatusCode Status, byte[] Body, string? ContentType, IReadOnlyList<KeyValuePair<string, string[]>> Headers)
{
    public static async Task<StoredAnswer> FromAsync(HttpResponseMessage response, CancellationToken cancellationToken) => new(
        response.StatusCode,
        await response.Content.ReadAsByteArrayAsync(cancellationToken),
        response.Content.Headers.ContentType?.ToString(),
        response.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.ToArray())).ToList());

    public HttpResponseMessage ToResponse(HttpRequestMessage request)
    {
        var response = new HttpResponseMessage(Status) { RequestMessage = request, Content = new ByteArrayContent(Body) };
        if (ContentType is not null)
        {
            response.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        foreach (var (name, values) in Headers)
        {
            response.Headers.TryAddWithoutValidation(name, values);
        }

        return response;
    }
}
