using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Payments;

/// <summary>
/// Stripe retrying a failed invoice payment by itself (Smart Retries, docs.stripe.com/billing/revenue-recovery/smart-retries):
/// after each failed attempt of an automatically charged invoice, <c>next_payment_attempt</c> says when the next one
/// happens, and when the clock reaches it Stripe charges the invoice's card again. No retry follows a payment waiting
/// for the customer's authentication, nor a hard decline Stripe does not retry (lost, stolen, fraudulent, pick-up card);
/// once the retries are used up, <c>next_payment_attempt</c> is null and the subscription stays past due.
/// </summary>
internal static class SmartRetries
{
    private static readonly HashSet<string> HardDeclines = new(StringComparer.Ordinal) { "fraudulent", "stolen_card", "lost_card", "pickup_card" };

    /// <summary>When Stripe retries after this failed attempt, or null when it will not.</summary>
    public static long? Next(World world, Invoice invoice, AttemptResult attempt)
    {
        if (attempt.RequiresAction || attempt.Decline is { } d && HardDeclines.Contains(d.DeclineCode)
            || invoice.Status != "open" || invoice.CollectionMethod != "charge_automatically" || !invoice.AutoAdvance)
        {
            return null;
        }

        return world.SmartRetries.NextAttempt(invoice.FirstAttemptAt ?? invoice.Created, invoice.AttemptCount, world.Now);
    }

    /// <summary>The invoices Stripe will retry at or before <paramref name="until"/>.</summary>
    public static IEnumerable<Invoice> Due(World world, long until) => world.SmartRetries.Enabled
        ? world.All<Invoice>().Where(i => i.Status == "open" && i.NextPaymentAttempt <= until && i.CollectionMethod == "charge_automatically")
        : [];

    /// <summary>Stripe's retry of <paramref name="invoice"/>: one more attempt with the card it charges.</summary>
    public static void Retry(World world, Invoice invoice)
    {
        var due = invoice.NextPaymentAttempt;
        try
        {
            InvoiceSettlement.Pay(world, invoice, null, false);
        }
        catch (ApiException)
        {
            // Declined again (Pay scheduled the next retry, if any), or nothing to charge.
        }

        if (invoice.NextPaymentAttempt is { } next && next <= due)
        {
            invoice.NextPaymentAttempt = null;
        }
    }
}
