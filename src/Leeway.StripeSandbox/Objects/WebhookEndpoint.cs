using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class WebhookEndpoint : StripeObject
{
    public override string ObjectType => "webhook_endpoint";

    public required string Url { get; set; }

    public required string Secret { get; init; }

    public List<string> EnabledEvents { get; set; } = ["*"];

    public bool Enabled { get; set; } = true;

    public string? Description { get; set; }

    /// <summary>The API version events are rendered in for this endpoint, fixed at creation; null: the account's
    /// default version (docs.stripe.com/api/webhook_endpoints/create, <c>api_version</c>).</summary>
    public string? ApiVersion { get; init; }

    public string EventVersion(World world) => ApiVersion ?? world.DefaultApiVersion;

    public bool Wants(string type) => Enabled && (EnabledEvents.Contains("*") || EnabledEvents.Contains(type));

    /// <summary>The wire form; <c>secret</c> only on creation, as Stripe does.</summary>
    public JsonObject Render(RenderContext context, bool withSecret)
    {
        var json = Render(context);
        if (withSecret)
        {
            json["secret"] = Secret;
        }

        return json;
    }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["url"] = Url;
        json["enabled_events"] = new JsonArray(EnabledEvents.Select(e => (JsonNode)e).ToArray());
        json["status"] = Enabled ? "enabled" : "disabled";
        json["description"] = Description;
        json["api_version"] = ApiVersion;
        return json;
    }
}
