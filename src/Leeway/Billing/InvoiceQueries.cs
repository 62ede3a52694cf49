using Stripe;

namespace Leeway.Billing;

/// <summary>Questions about invoices that the diagnosis rules, Lee and the dashboard all ask, answered one way.</summary>
public static class InvoiceQueries
{
    /// <summary>Open invoices, newest first.</summary>
    public static IEnumerable<Invoice> OpenInvoices(this BillingSnapshot billing) =>
        billing.Invoices.Where(i => i.Status == "open").OrderByDescending(i => i.Created);

    /// <summary>What is still owed: <c>amount_remaining</c>, or due minus paid when Stripe left it unset.</summary>
    public static long Owed(this Invoice invoice) => invoice.AmountRemaining > 0 ? invoice.AmountRemaining : Math.Max(0, invoice.AmountDue - invoice.AmountPaid);

    /// <summary>The subscription an invoice bills, if it bills one (a one-off purchase or usage invoice does not).</summary>
    public static string? SubscriptionIdOf(this Invoice invoice) => invoice.Parent?.SubscriptionDetails?.SubscriptionId;
}
