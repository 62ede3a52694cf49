using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class Charge : StripeObject
{
    public override string ObjectType => "charge";

    public override string? CustomerId => Customer;

    public long Amount { get; set; }

    public string Currency { get; set; } = "usd";

    public string? Customer { get; set; }

    public string? PaymentIntent { get; set; }

    public string? PaymentMethod { get; set; }

    public CardSnapshot? Card { get; set; }

    /// <summary><c>succeeded</c>, <c>pending</c> or <c>failed</c>.</summary>
    public string Status { get; set; } = "succeeded";

    public string? FailureCode { get; set; }

    public string? FailureMessage { get; set; }

    public JsonObject? Outcome { get; set; }

    public string? Description { get; set; }

    public bool Disputed { get; set; }

    public string? BalanceTransaction { get; set; }

    public string? ReceiptEmail { get; set; }

    public List<Refund> Refunds(World world) => world.Owned<Refund>(Id).Where(r => r.Charge == Id).ToList();

    /// <summary>Pending refunds count, as in Stripe: the money is on its way back.</summary>
    public long AmountRefunded(World world) => Refunds(world).Where(r => r.Status is not ("failed" or "canceled")).Sum(r => r.Amount);

    public override JsonObject Render(RenderContext context)
    {
        var world = context.World;
        var succeeded = Status == "succeeded";
        var refunded = AmountRefunded(world);
        var json = Start();
        json["amount"] = Amount;
        json["amount_captured"] = succeeded ? Amount : 0;
        json["amount_refunded"] = refunded;
        json["refunded"] = succeeded && refunded >= Amount;
        json["currency"] = Currency;
        json["customer"] = context.Ref("customer", Customer);
        json["payment_intent"] = context.Ref("payment_intent", PaymentIntent);
        json["payment_method"] = PaymentMethod;
        json["status"] = Status;
        json["paid"] = succeeded;
        json["captured"] = succeeded;
        json["failure_code"] = FailureCode;
        json["failure_message"] = FailureMessage;
        json["outcome"] = Outcome?.DeepClone();
        json["description"] = Description;
        json["disputed"] = Disputed;
        json["balance_transaction"] = context.Ref("balance_transaction", BalanceTransaction);
        json["receipt_email"] = ReceiptEmail;
        json["receipt_url"] = succeeded ? $"{world.BaseUrl}/receipts/{Id}" : null;
        json["payment_method_details"] = Card?.ChargeDetails(Amount, succeeded);
        var customer = world.Find<Customer>(Customer);
        var billing = (JsonObject)json["billing_details"]!;
        billing["email"] = customer?.Email;
        billing["name"] = customer?.Name;
        json["refunds"] = context.List(Refunds(world), $"/v1/charges/{Id}/refunds", "refunds");
        return json;
    }
}
