using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class Product : StripeObject
{
    public override string ObjectType => "product";

    public required string Name { get; set; }

    public string? Description { get; set; }

    public bool Active { get; set; } = true;

    public string? DefaultPrice { get; set; }

    public long Updated { get; set; }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["name"] = Name;
        json["description"] = Description;
        json["active"] = Active;
        json["default_price"] = context.Ref("default_price", DefaultPrice);
        json["updated"] = Updated == 0 ? Created : Updated;
        return json;
    }
}
