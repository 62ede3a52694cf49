using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

/// <summary>A customer balance transaction: a negative amount is a credit to the customer.</summary>
internal sealed class BalanceTransaction : StripeObject
{
    public override string ObjectType => "customer_balance_transaction";

    public override string? CustomerId => Customer;

    public required string Customer { get; set; }

    public long Amount { get; set; }

    public string Currency { get; set; } = "usd";

    public string? Description { get; set; }

    public long EndingBalance { get; set; }

    public string? Invoice { get; set; }

    public string Type { get; set; } = "adjustment";

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["customer"] = context.Ref("customer", Customer);
        json["amount"] = Amount;
        json["currency"] = Currency;
        json["description"] = Description;
        json["ending_balance"] = EndingBalance;
        json["invoice"] = context.Ref("invoice", Invoice);
        json["type"] = Type;
        json["metadata"] = MetadataJson();
        return json;
    }
}
