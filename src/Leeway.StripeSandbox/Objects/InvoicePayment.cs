using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

/// <summary>How Stripe links a payment (intent and charge) to the invoice it pays.</summary>
internal sealed class InvoicePayment : StripeObject
{
    public override string ObjectType => "invoice_payment";

    public override IEnumerable<string?> Owners => [Invoice];

    public required string Invoice { get; set; }

    public long AmountRequested { get; set; }

    public long? AmountPaid { get; set; }

    public string Currency { get; set; } = "usd";

    /// <summary><c>open</c>, <c>paid</c> or <c>canceled</c>.</summary>
    public string Status { get; set; } = "open";

    public string? PaymentIntent { get; set; }

    public string? Charge { get; set; }

    public bool IsDefault { get; set; }

    public long? PaidAt { get; set; }

    public long? CanceledAt { get; set; }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["invoice"] = context.Ref("invoice", Invoice);
        json["amount_requested"] = AmountRequested;
        json["amount_paid"] = AmountPaid;
        json["currency"] = Currency;
        json["status"] = Status;
        json["is_default"] = IsDefault;
        var payment = context.Child("payment");
        // Only the field its type names: "charge is only surfaced if the charge object is not associated with a payment
        // intent" (npm stripe@23.1.0 InvoicePayment.Payment; both fields optional, never null).
        json["payment"] = PaymentIntent is not null
            ? new JsonObject { ["payment_intent"] = payment.Ref("payment_intent", PaymentIntent), ["type"] = "payment_intent" }
            : new JsonObject { ["charge"] = payment.Ref("charge", Charge), ["type"] = "charge" };
        json["status_transitions"] = new JsonObject { ["canceled_at"] = CanceledAt, ["paid_at"] = PaidAt };
        return json;
    }
}
