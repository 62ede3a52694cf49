using Leeway.Storage;
using Stripe;

namespace Leeway.Prevent.Webhooks;

/// <summary>
/// Creates or checks the Stripe webhook endpoint Leeway receives events on (<c>leeway stripe connect</c>). A missing
/// endpoint is created on the pinned API version with exactly the handled events; an endpoint whose events or status
/// are off is corrected in place (its secret stays); one on another API version can only be replaced (a new endpoint,
/// a new secret), which happens only when asked for.
/// </summary>
internal sealed class WebhookEndpointSetup(StripeClient stripe, IdGenerator ids)
{
    public const string Description = "Leeway (created by leeway stripe connect)";

    /// <summary>The endpoint whose URL is <paramref name="url"/>, the newest if several; null when none is.</summary>
    public async Task<WebhookEndpoint?> FindAsync(string url, CancellationToken cancellationToken)
    {
        WebhookEndpoint? found = null;
        await foreach (var endpoint in stripe.V1.WebhookEndpoints.ListAutoPagingAsync(new WebhookEndpointListOptions { Limit = 100 }, cancellationToken: cancellationToken))
        {
            if (string.Equals(endpoint.Url, url, StringComparison.Ordinal) && (found is null || endpoint.Created > found.Created))
            {
                found = endpoint;
            }
        }

        return found;
    }

    public async Task<WebhookConnection> ConnectAsync(string url, bool replace, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(url, cancellationToken);
        if (existing is null)
        {
            var created = await CreateAsync(url, cancellationToken);
            return new WebhookConnection(WebhookConnectionOutcome.Created, created, created.Secret, []);
        }

        var problems = WebhookEndpointCheck.Problems(existing);
        if (problems.Count == 0 && !replace)
        {
            return new WebhookConnection(WebhookConnectionOutcome.AlreadyConnected, existing, null, []);
        }

        // Replacing is also how a lost secret is recovered: Stripe shows an endpoint's secret only when it is created.
        if (replace || !WebhookEndpointCheck.VersionMatches(existing))
        {
            if (!replace)
            {
                return new WebhookConnection(WebhookConnectionOutcome.NeedsReplacing, existing, null, problems);
            }

            // The new one first: events keep arriving (at one of the two) while the old one goes.
            var created = await CreateAsync(url, cancellationToken);
            await stripe.V1.WebhookEndpoints.DeleteAsync(existing.Id, requestOptions: Keyed("whdelete"), cancellationToken: cancellationToken);
            return new WebhookConnection(WebhookConnectionOutcome.Replaced, created, created.Secret, problems);
        }

        var updated = await stripe.V1.WebhookEndpoints.UpdateAsync(
            existing.Id,
            new WebhookEndpointUpdateOptions { EnabledEvents = [.. HandledEvents.Types], Disabled = false },
            Keyed("whupdate"),
            cancellationToken);
        return new WebhookConnection(WebhookConnectionOutcome.Corrected, updated, null, problems);
    }

    private Task<WebhookEndpoint> CreateAsync(string url, CancellationToken cancellationToken) =>
        stripe.V1.WebhookEndpoints.CreateAsync(
            new WebhookEndpointCreateOptions
            {
                Url = url,
                ApiVersion = WebhookEndpointCheck.PinnedApiVersion,
                EnabledEvents = [.. HandledEvents.Types],
                Description = Description,
            },
            Keyed("whcreate"),
            cancellationToken);

    /// <summary>A fresh key per call: a network retry of this call is deduplicated, a later run is a new request.</summary>
    private RequestOptions Keyed(string prefix) => new() { IdempotencyKey = ids.NewId(prefix) };
}
