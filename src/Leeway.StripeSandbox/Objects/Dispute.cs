using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class Dispute : StripeObject
{
    public override string ObjectType => "dispute";

    public override IEnumerable<string?> Owners => [Charge];

    public required string Charge { get; set; }

    public string? PaymentIntent { get; set; }

    public long Amount { get; set; }

    public string Currency { get; set; } = "usd";

    public string Status { get; set; } = "needs_response";

    public string Reason { get; set; } = "general";

    public long? EvidenceDueBy { get; set; }

    public CardSnapshot? Card { get; set; }

    /// <summary>Times evidence was submitted through the API (<c>submit=true</c>).</summary>
    public int EvidenceSubmissions { get; set; }

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["charge"] = context.Ref("charge", Charge);
        json["payment_intent"] = context.Ref("payment_intent", PaymentIntent);
        json["amount"] = Amount;
        json["currency"] = Currency;
        json["status"] = Status;
        json["reason"] = Reason;
        json["is_charge_refundable"] = false;
        ((JsonObject)json["evidence_details"]!)["due_by"] = EvidenceDueBy;
        ((JsonObject)json["evidence_details"]!)["past_due"] = EvidenceDueBy is { } due && due < context.World.Now && Status.EndsWith("needs_response", StringComparison.Ordinal);
        ((JsonObject)json["evidence_details"]!)["submission_count"] = EvidenceSubmissions;
        ((JsonObject)json["evidence_details"]!)["has_evidence"] = EvidenceSubmissions > 0;
        ((JsonObject)json["evidence_details"]!)["submission_method"] = EvidenceSubmissions > 0 ? "manual" : "not_submitted";
        json["payment_method_details"] = Card is null ? null : new JsonObject
        {
            ["card"] = new JsonObject { ["brand"] = Card.Brand, ["case_type"] = "chargeback", ["network_reason_code"] = null, ["network"] = Card.Brand },
            ["type"] = "card",
        };
        return json;
    }
}
