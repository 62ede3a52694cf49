using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Api;

/// <summary><c>/v1/events</c> and <c>/v1/webhook_endpoints</c>.</summary>
internal static class EventsApi
{
    public static JsonObject Retrieve(ApiCall call) => call.Render(call.World.Get<EventRecord>(call.Route("id"), "event"));

    public static JsonObject List(ApiCall call)
    {
        var p = call.Params;
        var type = p.NonEmpty("type");
        var types = p.Strings("types");
        var items = call.World.All<EventRecord>().Where(e => Matches(e.Type, type) && (types.Count == 0 || types.Any(t => Matches(e.Type, t))));
        return ListPage.Of(call, items, "/v1/events");
    }

    /// <summary>Stripe's <c>type</c> filter, with its <c>*</c> wildcard (<c>invoice.*</c>).</summary>
    private static bool Matches(string type, string? filter) =>
        filter is null || filter == type || (filter.EndsWith('*') && type.StartsWith(filter[..^1], StringComparison.Ordinal));

    public static JsonObject CreateEndpoint(ApiCall call)
    {
        var world = call.World;
        var p = call.Params;
        var url = p.Required("url");
        if (!Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            throw ApiException.InvalidRequest($"Invalid URL: {url}", "url", "url_invalid");
        }

        var events = p.Strings("enabled_events");
        if (events.Count == 0)
        {
            throw ApiException.InvalidRequest("Missing required param: enabled_events.", "enabled_events", "parameter_missing");
        }

        var version = p.NonEmpty("api_version");
        if (version is not null && !ApiVersions.IsWellFormed(version))
        {
            throw ApiException.InvalidRequest($"Invalid api_version: {version}. Pass a Stripe API version such as {World.ApiVersion}.", "api_version");
        }

        var endpoint = new WebhookEndpoint
        {
            ApiVersion = version,
            Id = StripeIds.New("we_"),
            Created = world.Now,
            Url = url,
            Secret = "whsec_" + StripeIds.New("", 32),
            EnabledEvents = [.. events],
            Description = p.NonEmpty("description"),
        };
        p.ApplyMetadata(endpoint.Metadata);
        world.Add(endpoint);
        return endpoint.Render(new RenderContext(world, call.Expand), withSecret: true);
    }

    public static JsonObject RetrieveEndpoint(ApiCall call) => call.Render(call.World.Get<WebhookEndpoint>(call.Route("id"), "webhook endpoint"));

    public static JsonObject UpdateEndpoint(ApiCall call)
    {
        var endpoint = call.World.Get<WebhookEndpoint>(call.Route("id"), "webhook endpoint");
        var p = call.Params;
        endpoint.Url = p.NonEmpty("url") ?? endpoint.Url;
        endpoint.Enabled = !(p.Bool("disabled") ?? !endpoint.Enabled);
        endpoint.Description = p.String("description") is { } d ? (d.Length == 0 ? null : d) : endpoint.Description;
        if (p.Strings("enabled_events") is { Count: > 0 } events)
        {
            endpoint.EnabledEvents = [.. events];
        }

        p.ApplyMetadata(endpoint.Metadata);
        return call.Render(endpoint);
    }

    public static JsonObject DeleteEndpoint(ApiCall call)
    {
        var endpoint = call.World.Get<WebhookEndpoint>(call.Route("id"), "webhook endpoint");
        call.World.Remove(endpoint.Id);
        return new JsonObject { ["id"] = endpoint.Id, ["object"] = "webhook_endpoint", ["deleted"] = true };
    }

    public static JsonObject ListEndpoints(ApiCall call) => ListPage.Of(call, call.World.All<WebhookEndpoint>(), "/v1/webhook_endpoints");
}
