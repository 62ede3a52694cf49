using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Payments;

namespace Leeway.StripeSandbox.Objects;

/// <summary>A card. <see cref="OnCharge"/> is the sandbox's own knob: what every next charge on this card does.</summary>
internal sealed class PaymentMethod : StripeObject
{
    public override string ObjectType => "payment_method";

    public override string? CustomerId => Customer;

    public string? Customer { get; set; }

    public string Brand { get; set; } = "visa";

    public string Last4 { get; set; } = "4242";

    public long ExpMonth { get; set; } = 12;

    public long ExpYear { get; set; } = 2030;

    public string Funding { get; set; } = "credit";

    public string Country { get; set; } = "US";

    public string Fingerprint { get; init; } = Wire.StripeIds.New("", 16);

    public string? BillingName { get; set; }

    public string? BillingEmail { get; set; }

    public CardBehaviour OnCharge { get; set; } = CardBehaviour.Succeed;

    public JsonObject CardJson() => new()
    {
        ["brand"] = Brand,
        ["checks"] = new JsonObject { ["address_line1_check"] = null, ["address_postal_code_check"] = null, ["cvc_check"] = "pass" },
        ["country"] = Country,
        ["display_brand"] = Brand,
        ["exp_month"] = ExpMonth,
        ["exp_year"] = ExpYear,
        ["fingerprint"] = Fingerprint,
        ["funding"] = Funding,
        ["generated_from"] = null,
        ["last4"] = Last4,
        ["networks"] = new JsonObject { ["available"] = new JsonArray(Brand), ["preferred"] = null },
        ["three_d_secure_usage"] = new JsonObject { ["supported"] = true },
        ["wallet"] = null,
        ["regulated_status"] = "unregulated",
    };

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["customer"] = context.Ref("customer", Customer);
        json["card"] = CardJson();
        var billing = (JsonObject)json["billing_details"]!;
        billing["name"] = BillingName;
        billing["email"] = BillingEmail;
        return json;
    }
}
