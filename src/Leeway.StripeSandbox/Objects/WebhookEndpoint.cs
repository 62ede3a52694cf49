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

    /// <summary>The version its events are rendered as; null: the account's default (<see cref="World.ApiVersion"/>).
    /// Set at creation only: Stripe cannot change an endpoint's version later.</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The version an event sent to this endpoint carries.</summary>
    public string EventApiVersion => ApiVersion ?? World.ApiVersion;

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
