using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

internal sealed class Invoice : StripeObject
{
    public override string ObjectType => "invoice";

    public override IEnumerable<string?> Owners => [Customer, Subscription];

    public override string? CustomerId => Customer;

    public required string Customer { get; set; }

    public string? Subscription { get; set; }

    public string Status { get; set; } = "draft";

    public string Currency { get; set; } = "usd";

    public long Total { get; set; }

    public long AmountDue { get; set; }

    public long AmountPaid { get; set; }

    public long AttemptCount { get; set; }

    public bool Attempted { get; set; }

    public bool AutoAdvance { get; set; } = true;

    public string BillingReason { get; set; } = "manual";

    public string CollectionMethod { get; set; } = "charge_automatically";

    public long? DueDate { get; set; }

    public long? NextPaymentAttempt { get; set; }

    /// <summary>When the first payment attempt was made: Smart Retries count their window from it.</summary>
    public long? FirstAttemptAt { get; set; }

    public long PeriodStart { get; set; }

    public long PeriodEnd { get; set; }

    public string? Number { get; set; }

    public string? Description { get; set; }

    public string? DefaultPaymentMethod { get; set; }

    /// <summary>The payment intent that collects this invoice (Stripe links it through an invoice payment).</summary>
    public string? PaymentIntent { get; set; }

    /// <summary>The secret part of the hosted link. <see cref="HostedExpiresAt"/> is the sandbox's own record of when
    /// the link stops working (Stripe's rule, Payments/HostedInvoice); like Stripe, it is not in the URL.</summary>
    public string? HostedToken { get; set; }

    public long? HostedExpiresAt { get; set; }

    public long? FinalizedAt { get; set; }

    public long? PaidAt { get; set; }

    public long? VoidedAt { get; set; }

    public long? MarkedUncollectibleAt { get; set; }

    public long? WebhooksDeliveredAt { get; set; }

    public long StartingBalance { get; set; }

    public long AmountRemaining => Status is "paid" or "void" ? 0 : Math.Max(0, AmountDue - AmountPaid);

    public List<InvoiceLine> Lines(World world) =>
        world.Owned<InvoiceLine>(Id).Where(l => l.Invoice == Id).OrderBy(l => l.Sequence).ToList();

    public List<InvoicePayment> Payments(World world) =>
        world.Owned<InvoicePayment>(Id).Where(p => p.Invoice == Id).ToList();

    public string? HostedUrl(World world) => HostedToken is null
        ? null
        : $"{world.BaseUrl}/i/{Id}/{HostedToken}";

    public override JsonObject Render(RenderContext context)
    {
        var world = context.World;
        var customer = world.Find<Customer>(Customer);
        var json = Start();
        json["customer"] = context.Ref("customer", Customer);
        json["customer_email"] = customer?.Email;
        json["customer_name"] = customer?.Name;
        json["customer_phone"] = customer?.Phone;
        json["status"] = Status;
        // No top-level `subscription` since 2025-03-31.basil: the invoice names it under parent.subscription_details.
        json["currency"] = Currency;
        json["amount_due"] = AmountDue;
        json["amount_paid"] = AmountPaid;
        json["amount_remaining"] = AmountRemaining;
        json["subtotal"] = Total;
        json["subtotal_excluding_tax"] = Total;
        json["total"] = Total;
        json["total_excluding_tax"] = Total;
        json["starting_balance"] = StartingBalance;
        json["ending_balance"] = Status == "draft" ? null : StartingBalance;
        json["attempt_count"] = AttemptCount;
        json["attempted"] = Attempted;
        json["auto_advance"] = AutoAdvance;
        json["billing_reason"] = BillingReason;
        json["collection_method"] = CollectionMethod;
        json["due_date"] = DueDate;
        json["next_payment_attempt"] = NextPaymentAttempt;
        json["period_start"] = PeriodStart;
        json["period_end"] = PeriodEnd;
        json["number"] = Number;
        json["receipt_number"] = null;
        json["description"] = Description;
        json["default_payment_method"] = context.Ref("default_payment_method", DefaultPaymentMethod);
        json["effective_at"] = FinalizedAt;
        json["webhooks_delivered_at"] = WebhooksDeliveredAt;
        json["hosted_invoice_url"] = HostedUrl(world);
        json["invoice_pdf"] = HostedToken is null ? null : $"{world.BaseUrl}/i/{Id}/{HostedToken}/pdf";
        json["status_transitions"] = new JsonObject
        {
            ["finalized_at"] = FinalizedAt,
            ["marked_uncollectible_at"] = MarkedUncollectibleAt,
            ["paid_at"] = PaidAt,
            ["voided_at"] = VoidedAt,
        };
        json["parent"] = Subscription is null ? null : new JsonObject
        {
            ["quote_details"] = null,
            ["subscription_details"] = new JsonObject
            {
                ["metadata"] = world.Find<Subscription>(Subscription)?.Metadata is { } m ? new JsonObject(m.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))) : null,
                ["subscription"] = context.Child("parent").Child("subscription_details").Ref("subscription", Subscription),
            },
            ["type"] = "subscription_details",
        };
        json["lines"] = context.List(Lines(world), $"/v1/invoices/{Id}/lines", "lines", keepOrder: true);
        if (context.Includes("payments"))
        {
            json["payments"] = context.List(Payments(world), $"/v1/invoice_payments?invoice={Id}", "payments");
        }

        return json;
    }
}
