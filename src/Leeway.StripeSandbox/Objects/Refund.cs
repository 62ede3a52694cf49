using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class Refund : StripeObject
{
    public override string ObjectType => "refund";

    public override IEnumerable<string?> Owners => [Customer, Charge];

    public override string? CustomerId => Customer;

    public required string Charge { get; set; }

    public string? PaymentIntent { get; set; }

    public string? Customer { get; set; }

    public string? PaymentMethod { get; set; }

    public long Amount { get; set; }

    public string Currency { get; set; } = "usd";

    /// <summary><c>pending</c>, <c>requires_action</c>, <c>succeeded</c>, <c>failed</c> or <c>canceled</c>.</summary>
    public string Status { get; set; } = "succeeded";

    public string? Reason { get; set; }

    public string? FailureReason { get; set; }

    public string? BalanceTransaction { get; set; }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["charge"] = context.Ref("charge", Charge);
        json["payment_intent"] = context.Ref("payment_intent", PaymentIntent);
        json["customer"] = Customer;
        json["payment_method"] = PaymentMethod;
        json["amount"] = Amount;
        json["currency"] = Currency;
        json["status"] = Status;
        json["reason"] = Reason;
        json["balance_transaction"] = BalanceTransaction;
        if (FailureReason is not null)
        {
            json["failure_reason"] = FailureReason;
        }

        var card = (JsonObject)((JsonObject)json["destination_details"]!)["card"]!;
        card["reference_status"] = Status == "succeeded" ? "available" : "pending";
        return json;
    }
}
