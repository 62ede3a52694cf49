using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

/// <summary>What a setup-mode Checkout Session leaves behind: the card the customer saved, attached to them, nothing else.</summary>
internal sealed class SetupIntent : StripeObject
{
    public override string ObjectType => "setup_intent";

    public override string? CustomerId => Customer;

    public string? Customer { get; set; }

    public string? PaymentMethod { get; set; }

    public string Status { get; set; } = "succeeded";

    public string ClientSecret { get; } = Wire.StripeIds.New("", 24);

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["customer"] = context.Ref("customer", Customer);
        json["payment_method"] = context.Ref("payment_method", PaymentMethod);
        json["status"] = Status;
        json["client_secret"] = $"{Id}_secret_{ClientSecret}";
        return json;
    }
}
