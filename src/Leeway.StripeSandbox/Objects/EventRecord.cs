using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

/// <summary>A Stripe event: the object's state when it happened, frozen.</summary>
internal sealed class EventRecord : StripeObject
{
    public override string ObjectType => "event";

    public required string Type { get; init; }

    public required JsonObject Object { get; init; }

    public JsonObject? PreviousAttributes { get; init; }

    public string? RequestId { get; init; }

    public string? IdempotencyKey { get; init; }

    public int PendingWebhooks { get; set; }

    public string? ObjectId => Object["id"]?.GetValue<string>();

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["type"] = Type;
        json["api_version"] = World.ApiVersion;
        var data = new JsonObject { ["object"] = Object.DeepClone() };
        if (PreviousAttributes is not null)
        {
            data["previous_attributes"] = PreviousAttributes.DeepClone();
        }

        json["data"] = data;
        json["pending_webhooks"] = PendingWebhooks;
        json["request"] = new JsonObject { ["id"] = RequestId, ["idempotency_key"] = IdempotencyKey };
        return json;
    }
}
