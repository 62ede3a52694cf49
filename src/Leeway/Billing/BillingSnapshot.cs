using Stripe;

namespace Leeway.Billing;

/// <summary>
/// Everything Stripe knows about one customer's billing, read at one moment.
/// Links Stripe no longer puts on the objects themselves (charge → invoice) are resolved here.
/// </summary>
internal sealed record BillingSnapshot(
    Customer Customer,
    IReadOnlyList<PaymentMethod> PaymentMethods,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<PaymentIntent> PaymentIntents,
    IReadOnlyList<Charge> Charges,
    IReadOnlyList<Refund> Refunds,
    IReadOnlyList<Dispute> Disputes,
    IReadOnlyList<Stripe.Checkout.Session> CheckoutSessions,
    IReadOnlyDictionary<string, string> InvoiceIdByCharge,
    IReadOnlyDictionary<string, string> InvoiceIdByPaymentIntent)
{
    /// <summary>
    /// Null: the customer's whole billing. Else the id of the one invoice this snapshot was read for
    /// (<see cref="StripeReadScope.FocusOn"/>): the invoice, its subscription and PaymentIntents, the cards they name
    /// (the customer's default, the subscription's, the one declined) and every charge with its refunds and disputes;
    /// no other invoices, subscriptions or cards, and no checkout sessions.
    /// </summary>
    public string? AboutInvoice { get; init; }

    /// <summary>Customer risk from Stripe metadata <c>risk</c> (Radar / internal fraud signals): normal, elevated or high.</summary>
    public string Risk => Customer.Metadata is { } m && m.TryGetValue("risk", out var r) && !string.IsNullOrEmpty(r) ? r : "normal";

    /// <summary>Our product plan from Stripe metadata <c>plan</c>: free unless a paid plan is named.</summary>
    public string Plan => Customer.Metadata is { } m && m.TryGetValue("plan", out var p) && !string.IsNullOrEmpty(p) ? p : "free";

    public PaymentMethod? DefaultPaymentMethod =>
        PaymentMethods.FirstOrDefault(pm => pm.Id == Customer.InvoiceSettings?.DefaultPaymentMethodId) ?? (PaymentMethods.Count > 0 ? PaymentMethods[0] : null);

    public string? InvoiceOf(Charge charge) => InvoiceIdByCharge.GetValueOrDefault(charge.Id);
}
