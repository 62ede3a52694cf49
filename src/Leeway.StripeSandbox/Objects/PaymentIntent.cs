using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class PaymentIntent : StripeObject
{
    public override string ObjectType => "payment_intent";

    public override string? CustomerId => Customer;

    public long Amount { get; set; }

    public string Currency { get; set; } = "usd";

    public string? Customer { get; set; }

    public string? PaymentMethod { get; set; }

    public string Status { get; set; } = "requires_payment_method";

    public string? Description { get; set; }

    public string? LatestCharge { get; set; }

    public long AmountReceived { get; set; }

    public long? CanceledAt { get; set; }

    public string? CancellationReason { get; set; }

    public string? SetupFutureUsage { get; set; }

    public string? ReceiptEmail { get; set; }

    public string CaptureMethod { get; set; } = "automatic";

    public string ConfirmationMethod { get; set; } = "automatic";

    /// <summary>The invoice this intent collects (not on the wire in this API version; the invoice payment links them).</summary>
    public string? Invoice { get; set; }

    /// <summary>Stripe's <c>last_payment_error</c>; its <c>payment_method</c> is filled at render time.</summary>
    public JsonObject? LastPaymentError { get; set; }

    public string? LastPaymentErrorMethod { get; set; }

    public JsonObject? NextAction { get; set; }

    public string ClientSecret { get; init; } = "";

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["amount"] = Amount;
        json["amount_received"] = AmountReceived;
        json["amount_capturable"] = Status == "requires_capture" ? Amount : 0;
        json["currency"] = Currency;
        json["customer"] = context.Ref("customer", Customer);
        json["payment_method"] = context.Ref("payment_method", PaymentMethod);
        json["status"] = Status;
        json["description"] = Description;
        json["latest_charge"] = context.Ref("latest_charge", LatestCharge);
        json["canceled_at"] = CanceledAt;
        json["cancellation_reason"] = CancellationReason;
        json["setup_future_usage"] = SetupFutureUsage;
        json["receipt_email"] = ReceiptEmail;
        json["capture_method"] = CaptureMethod;
        json["confirmation_method"] = ConfirmationMethod;
        json["client_secret"] = ClientSecret;
        json["next_action"] = NextAction?.DeepClone();
        if (LastPaymentError is not null)
        {
            var error = (JsonObject)LastPaymentError.DeepClone();
            error["payment_method"] = LastPaymentErrorMethod is not null && context.World.Find<PaymentMethod>(LastPaymentErrorMethod) is { } pm
                ? pm.Render(new RenderContext(context.World, Wire.ExpandTree.None))
                : null;
            json["last_payment_error"] = error;
        }
        else
        {
            json["last_payment_error"] = null;
        }

        return json;
    }
}
