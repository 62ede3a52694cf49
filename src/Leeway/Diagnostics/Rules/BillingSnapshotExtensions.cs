using Leeway.Billing;
using Stripe;

namespace Leeway.Diagnostics.Rules;

/// <summary>The questions several rules ask of a snapshot, answered one way.</summary>
internal static class BillingSnapshotExtensions
{
    /// <summary>Subscription states in which a subscription grants what it sells and will renew.</summary>
    public static readonly IReadOnlySet<string> GrantingStatuses = new HashSet<string>(StringComparer.Ordinal) { "active", "trialing", "past_due" };

    /// <summary>Subscription states in which it has ended and grants nothing.</summary>
    public static readonly IReadOnlySet<string> EndedStatuses = new HashSet<string>(StringComparer.Ordinal) { "canceled", "incomplete_expired" };

    public static Subscription? SubscriptionOf(this BillingSnapshot billing, Invoice invoice) =>
        invoice.SubscriptionIdOf() is { } id ? billing.Subscriptions.FirstOrDefault(s => s.Id == id) : null;

    /// <summary>The invoice's most recent PaymentIntent, through the invoice's payments or the snapshot's links.</summary>
    public static PaymentIntent? PaymentIntentOf(this BillingSnapshot billing, Invoice invoice)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var payment in invoice.Payments?.Data ?? [])
        {
            if (payment.Payment?.PaymentIntentId is { } id)
            {
                ids.Add(id);
            }
        }

        foreach (var (intentId, invoiceId) in billing.InvoiceIdByPaymentIntent)
        {
            if (invoiceId == invoice.Id)
            {
                ids.Add(intentId);
            }
        }

        return billing.PaymentIntents.Where(pi => ids.Contains(pi.Id)).OrderByDescending(pi => pi.Created).FirstOrDefault();
    }

    public static IEnumerable<Charge> ChargesOf(this BillingSnapshot billing, Invoice invoice) =>
        billing.Charges.Where(c => billing.InvoiceOf(c) == invoice.Id);

    /// <summary>
    /// The decline on record for an invoice's last attempt: the PaymentIntent's <c>last_payment_error</c>
    /// (decline code first, else the error code), authentication when the intent waits for the customer
    /// (<c>requires_action</c>), else the reason on its latest failed charge. Null when it was never declined.
    /// </summary>
    public static InvoiceDecline? DeclineOf(this BillingSnapshot billing, Invoice invoice)
    {
        var intent = billing.PaymentIntentOf(invoice);
        if (intent?.Status == "requires_action")
        {
            return new InvoiceDecline("authentication_required", intent, PaymentMethodOf(billing, intent));
        }

        var error = intent?.LastPaymentError;
        var code = FirstNonEmpty(error?.DeclineCode, error?.Code);
        if (intent is not null && code is not null && intent.Status != "succeeded")
        {
            return new InvoiceDecline(code, intent, PaymentMethodOf(billing, intent));
        }

        var failed = billing.ChargesOf(invoice).Where(c => c.Status == "failed").OrderByDescending(c => c.Created).FirstOrDefault();
        var chargeCode = FirstNonEmpty(failed?.Outcome?.Reason, failed?.FailureCode);
        return failed is not null && chargeCode is not null
            ? new InvoiceDecline(chargeCode, intent, billing.PaymentMethodById(failed.PaymentMethod))
            : null;
    }

    public static PaymentMethod? PaymentMethodById(this BillingSnapshot billing, string? id) =>
        id is null ? null : billing.PaymentMethods.FirstOrDefault(pm => pm.Id == id);

    /// <summary>The card the next automatic charge uses: the customer's default, else the only one on file.</summary>
    public static PaymentMethod? DefaultCard(this BillingSnapshot billing) => billing.DefaultPaymentMethod;

    /// <summary>When a subscription's current period ends (Stripe keeps it per item; items share it).</summary>
    public static DateTimeOffset? CurrentPeriodEnd(this Subscription subscription)
    {
        var ends = (subscription.Items?.Data ?? []).Select(i => i.CurrentPeriodEnd).Where(e => e > DateTime.UnixEpoch).ToList();
        return ends.Count == 0 ? null : ends.Min().Utc();
    }

    /// <summary>The currency this customer is billed in: the customer's, else the latest invoice's or subscription's, else usd.</summary>
    public static string CurrencyOf(this BillingSnapshot? billing)
    {
        if (billing is null)
        {
            return "usd";
        }

        return FirstNonEmpty(
            billing.Customer.Currency,
            billing.Invoices.OrderByDescending(i => i.Created).Select(i => i.Currency).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
            billing.Subscriptions.Select(s => s.Currency).FirstOrDefault(c => !string.IsNullOrEmpty(c))) ?? "usd";
    }

    private static PaymentMethod? PaymentMethodOf(BillingSnapshot billing, PaymentIntent intent) =>
        billing.PaymentMethodById(intent.PaymentMethodId) ?? billing.PaymentMethodById(intent.LastPaymentError?.PaymentMethod?.Id);

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
