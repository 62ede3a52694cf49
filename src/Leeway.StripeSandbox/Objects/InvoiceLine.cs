using System.Globalization;
using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class InvoiceLine : StripeObject
{
    public override string ObjectType => "line_item";

    public override IEnumerable<string?> Owners => [Invoice];

    public required string Invoice { get; set; }

    public long Amount { get; set; }

    public string Currency { get; set; } = "usd";

    public string? Description { get; set; }

    public long Quantity { get; set; } = 1;

    public string? Price { get; set; }

    public string? Subscription { get; set; }

    public string? SubscriptionItem { get; set; }

    public string? InvoiceItem { get; set; }

    public long PeriodStart { get; set; }

    public long PeriodEnd { get; set; }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["invoice"] = Invoice;
        json["amount"] = Amount;
        json["subtotal"] = Amount;
        json["currency"] = Currency;
        json["description"] = Description;
        json["quantity"] = Quantity;
        json["subscription"] = Subscription;
        json["period"] = new JsonObject { ["end"] = PeriodEnd, ["start"] = PeriodStart };
        var proration = new JsonObject { ["credited_items"] = null };
        json["parent"] = SubscriptionItem is not null
            ? new JsonObject
            {
                ["invoice_item_details"] = null,
                ["subscription_item_details"] = new JsonObject
                {
                    ["invoice_item"] = null,
                    ["proration"] = false,
                    ["proration_details"] = proration,
                    ["subscription"] = Subscription,
                    ["subscription_item"] = SubscriptionItem,
                },
                ["type"] = "subscription_item_details",
            }
            : new JsonObject
            {
                ["invoice_item_details"] = new JsonObject
                {
                    ["invoice_item"] = InvoiceItem,
                    ["proration"] = false,
                    ["proration_details"] = proration,
                    ["subscription"] = Subscription,
                },
                ["subscription_item_details"] = null,
                ["type"] = "invoice_item_details",
            };
        var price = Price is null ? null : context.World.Find<Price>(Price);
        json["pricing"] = Price is null ? null : new JsonObject
        {
            ["price_details"] = new JsonObject { ["price"] = Price, ["product"] = price?.Product },
            ["type"] = "price_details",
            ["unit_amount_decimal"] = (price?.UnitAmount ?? (Quantity == 0 ? 0 : Amount / Quantity)).ToString(CultureInfo.InvariantCulture),
        };
        return json;
    }
}
