using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Objects;

/// <summary>A subscription. In this API version its billing period lives on each item (<see cref="SubscriptionItem"/>).</summary>
internal sealed class Subscription : StripeObject
{
    public override string ObjectType => "subscription";

    public override string? CustomerId => Customer;

    public required string Customer { get; set; }

    public string Status { get; set; } = "active";

    public string Currency { get; set; } = "usd";

    public bool CancelAtPeriodEnd { get; set; }

    public long? CancelAt { get; set; }

    public long? CanceledAt { get; set; }

    public long? EndedAt { get; set; }

    public string? CancellationReason { get; set; }

    public string? DefaultPaymentMethod { get; set; }

    public string? LatestInvoice { get; set; }

    public string? Description { get; set; }

    public string CollectionMethod { get; set; } = "charge_automatically";

    public long? DaysUntilDue { get; set; }

    public long StartDate { get; set; }

    public long BillingCycleAnchor { get; set; }

    public List<SubscriptionItem> Items(World world) =>
        world.Owned<SubscriptionItem>(Id).Where(i => i.Subscription == Id).OrderBy(i => i.Sequence).ToList();

    public override JsonObject Render(RenderContext context)
    {
        var json = Start();
        json["customer"] = context.Ref("customer", Customer);
        json["status"] = Status;
        json["currency"] = Currency;
        json["cancel_at_period_end"] = CancelAtPeriodEnd;
        json["cancel_at"] = CancelAt;
        json["canceled_at"] = CanceledAt;
        json["ended_at"] = EndedAt;
        json["cancellation_details"] = new JsonObject { ["comment"] = null, ["feedback"] = null, ["feedback_option"] = null, ["reason"] = CancellationReason };
        json["default_payment_method"] = context.Ref("default_payment_method", DefaultPaymentMethod);
        json["latest_invoice"] = context.Ref("latest_invoice", LatestInvoice);
        json["description"] = Description;
        json["collection_method"] = CollectionMethod;
        json["days_until_due"] = DaysUntilDue;
        json["start_date"] = StartDate;
        json["billing_cycle_anchor"] = BillingCycleAnchor;
        json["items"] = context.List(Items(context.World), $"/v1/subscription_items?subscription={Id}", "items", keepOrder: true);
        return json;
    }
}
