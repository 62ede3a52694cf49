using Stripe;

namespace Leeway.Billing;

/// <summary>Questions about invoices that the diagnosis rules, Lee and the dashboard all ask, answered one way.</summary>
internal static class InvoiceQueries
{
    /// <summary>
    /// One invoice with what bears on it, in one read: its customer (and the customer's default card), its payments with
    /// their PaymentIntents, its subscription (and the subscription's card). At most four levels deep, Stripe's limit
    /// (docs.stripe.com/api/expanding_objects). Every reader of an invoice in Tier 0's event asks with exactly these, so
    /// the read scope answers them all with one request.
    /// </summary>
    public static readonly IReadOnlyList<string> WithItsBilling =
    [
        "customer",
        "customer.invoice_settings.default_payment_method",
        "payments",
        "payments.data.payment.payment_intent",
        "parent.subscription_details.subscription",
        "parent.subscription_details.subscription.default_payment_method",
    ];

    /// <summary>Open invoices, newest first.</summary>
    public static IEnumerable<Invoice> OpenInvoices(this BillingSnapshot billing) =>
        billing.Invoices.Where(i => i.Status == "open").OrderByDescending(i => i.Created);

    /// <summary>What is still owed: <c>amount_remaining</c>, or due minus paid when Stripe left it unset.</summary>
    public static long Owed(this Invoice invoice) => invoice.AmountRemaining > 0 ? invoice.AmountRemaining : Math.Max(0, invoice.AmountDue - invoice.AmountPaid);

    /// <summary>The subscription an invoice bills, if it bills one (a one-off purchase or usage invoice does not).</summary>
    public static string? SubscriptionIdOf(this Invoice invoice) => invoice.Parent?.SubscriptionDetails?.SubscriptionId;

    /// <summary>
    /// When the invoice's hosted page link stops working, by Stripe's rule (docs.stripe.com/invoicing/hosted-invoice-page):
    /// 30 days after the due date, or 30 days after finalization when there is none, never more than 120 days after
    /// finalization. Stripe puts no expiry in the URL; the invoice's dates are what it goes by. Null before finalization.
    /// </summary>
    public static DateTimeOffset? HostedLinkExpiresAt(this Invoice invoice)
    {
        if (invoice.StatusTransitions?.FinalizedAt is not { } finalizedAt || finalizedAt <= DateTime.UnixEpoch)
        {
            return null;
        }

        var finalized = finalizedAt.Utc();
        var from = invoice.DueDate is { } due && due > DateTime.UnixEpoch ? due.Utc() : finalized;
        var expires = from.AddDays(30);
        return expires < finalized.AddDays(120) ? expires : finalized.AddDays(120);
    }
}
