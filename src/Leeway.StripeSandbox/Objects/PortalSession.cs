using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class PortalSession : StripeObject
{
    public override string ObjectType => "billing_portal.session";

    public override string? CustomerId => Customer;

    public required string Customer { get; set; }

    public string? ReturnUrl { get; set; }

    public string Configuration { get; init; } = Wire.StripeIds.New("bpc_");

    public string? Locale { get; set; }

    public string? FlowType { get; set; }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["customer"] = Customer;
        json["return_url"] = ReturnUrl;
        json["configuration"] = Configuration;
        json["locale"] = Locale;
        json["url"] = $"{context.World.BaseUrl}/p/session/{Id}";
        json["flow"] = FlowType is null ? null : new JsonObject
        {
            ["after_completion"] = new JsonObject { ["hosted_confirmation"] = null, ["redirect"] = null, ["type"] = "portal_homepage" },
            ["subscription_cancel"] = null,
            ["subscription_update"] = null,
            ["subscription_update_confirm"] = null,
            ["type"] = FlowType,
        };
        return json;
    }
}
