using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class CheckoutSession : StripeObject
{
    public override string ObjectType => "checkout.session";

    public override string? CustomerId => Customer;

    /// <summary><c>payment</c>, <c>setup</c> or <c>subscription</c>.</summary>
    public string Mode { get; set; } = "payment";

    /// <summary><c>open</c>, <c>complete</c> or <c>expired</c>.</summary>
    public string Status { get; set; } = "open";

    public string PaymentStatus { get; set; } = "unpaid";

    public string? Customer { get; set; }

    public string? CustomerEmail { get; set; }

    public long? AmountTotal { get; set; }

    public string? Currency { get; set; } = "usd";

    public long ExpiresAt { get; set; }

    public string? SuccessUrl { get; set; }

    public string? CancelUrl { get; set; }

    public string? ClientReferenceId { get; set; }

    public string? Invoice { get; set; }

    public string? PaymentIntent { get; set; }

    public string? SetupIntent { get; set; }

    public string? Subscription { get; set; }

    public string? RecoveredFrom { get; set; }

    public List<CheckoutLineItem> LineItems { get; } = [];

    public string Url(World world) => $"{world.BaseUrl}/c/pay/{Id}";

    public override JsonObject Render(RenderContext context)
    {
        var world = context.World;
        var json = Start();
        json["mode"] = Mode;
        json["status"] = Status;
        json["payment_status"] = PaymentStatus;
        json["customer"] = context.Ref("customer", Customer);
        json["customer_email"] = CustomerEmail;
        json["amount_subtotal"] = AmountTotal;
        json["amount_total"] = AmountTotal;
        json["currency"] = Mode == "setup" ? null : Currency;
        json["expires_at"] = ExpiresAt;
        json["success_url"] = SuccessUrl;
        json["cancel_url"] = CancelUrl;
        json["client_reference_id"] = ClientReferenceId;
        json["invoice"] = context.Ref("invoice", Invoice);
        json["payment_intent"] = context.Ref("payment_intent", PaymentIntent);
        json["setup_intent"] = context.Ref("setup_intent", SetupIntent);
        json["subscription"] = context.Ref("subscription", Subscription);
        json["recovered_from"] = RecoveredFrom;
        json["url"] = Status == "open" ? Url(world) : null;
        json["payment_method_types"] = new JsonArray("card");
        json["customer_creation"] = Customer is null && Mode != "setup" ? "if_required" : null;
        var customer = world.Find<Customer>(Customer);
        json["customer_details"] = customer is null && CustomerEmail is null ? null : new JsonObject
        {
            ["address"] = null,
            ["email"] = customer?.Email ?? CustomerEmail,
            ["name"] = customer?.Name,
            ["phone"] = customer?.Phone,
            ["tax_exempt"] = "none",
            ["tax_ids"] = new JsonArray(),
            ["business_name"] = null,
            ["individual_name"] = null,
        };
        if (context.Includes("line_items"))
        {
            json["line_items"] = new JsonObject
            {
                ["object"] = "list",
                ["data"] = new JsonArray(LineItems.Select(l => (JsonNode)RenderLine(l)).ToArray()),
                ["has_more"] = false,
                ["url"] = $"/v1/checkout/sessions/{Id}/line_items",
            };
        }

        return json;
    }

    public static JsonObject RenderLine(CheckoutLineItem line) => new()
    {
        ["id"] = line.Id,
        ["object"] = "item",
        ["amount_discount"] = 0,
        ["amount_subtotal"] = line.Total,
        ["amount_tax"] = 0,
        ["amount_total"] = line.Total,
        ["currency"] = line.Currency,
        ["description"] = line.Description,
        ["price"] = null,
        ["quantity"] = line.Quantity,
        ["metadata"] = new JsonObject(),
        ["adjustable_quantity"] = null,
    };
}
