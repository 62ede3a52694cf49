using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class SubscriptionItem : StripeObject
{
    public override string ObjectType => "subscription_item";

    public override IEnumerable<string?> Owners => [Subscription];

    public required string Subscription { get; set; }

    public required string Price { get; set; }

    public long Quantity { get; set; } = 1;

    public long CurrentPeriodStart { get; set; }

    public long CurrentPeriodEnd { get; set; }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["subscription"] = Subscription;
        json["quantity"] = Quantity;
        json["current_period_start"] = CurrentPeriodStart;
        json["current_period_end"] = CurrentPeriodEnd;
        var price = context.World.Find<Price>(Price);
        json["price"] = price?.Render(context.Child("price"));
        json["plan"] = price?.RenderPlan();
        return json;
    }
}
