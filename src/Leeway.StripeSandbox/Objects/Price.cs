using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class Price : StripeObject
{
    public override string ObjectType => "price";

    public required string Product { get; set; }

    public long? UnitAmount { get; set; }

    public string Currency { get; set; } = "usd";

    /// <summary>null: a one-time price.</summary>
    public string? Interval { get; set; } = "month";

    public long IntervalCount { get; set; } = 1;

    public bool Active { get; set; } = true;

    public string? Nickname { get; set; }

    public string? LookupKey { get; set; }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["product"] = context.Ref("product", Product);
        json["unit_amount"] = UnitAmount;
        json["unit_amount_decimal"] = UnitAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        json["currency"] = Currency;
        json["active"] = Active;
        json["nickname"] = Nickname;
        json["lookup_key"] = LookupKey;
        json["type"] = Interval is null ? "one_time" : "recurring";
        json["recurring"] = Interval is null ? null : new JsonObject
        {
            ["interval"] = Interval,
            ["interval_count"] = IntervalCount,
            ["meter"] = null,
            ["usage_type"] = "licensed",
            ["trial_period_days"] = null,
        };
        return json;
    }

    /// <summary>The legacy <c>plan</c> view of a recurring price that subscription items still carry.</summary>
    public JsonObject? RenderPlan()
    {
        if (Interval is null)
        {
            return null;
        }

        var metadata = MetadataJson();
        return new JsonObject
        {
            ["id"] = Id,
            ["object"] = "plan",
            ["active"] = Active,
            ["amount"] = UnitAmount,
            ["amount_decimal"] = UnitAmount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["billing_scheme"] = "per_unit",
            ["created"] = Created,
            ["currency"] = Currency,
            ["interval"] = Interval,
            ["interval_count"] = IntervalCount,
            ["livemode"] = false,
            ["metadata"] = metadata,
            ["meter"] = null,
            ["nickname"] = Nickname,
            ["product"] = Product,
            ["tiers_mode"] = null,
            ["transform_usage"] = null,
            ["trial_period_days"] = null,
            ["usage_type"] = "licensed",
        };
    }
}
