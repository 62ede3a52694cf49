using Leeway.StripeSandbox.Admin;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Payments;

/// <summary>
/// The hosted invoice page's link, as Stripe shapes it: <c>{BaseUrl}/i/{invoice}/{token}</c>, a long random token and
/// nothing else in the URL. It expires 30 days after the due date, or 30 days after finalization when there is none,
/// never more than 120 days after finalization (docs.stripe.com/invoicing/hosted-invoice-page); a link handed out
/// again (<c>/send</c>) works for at least 10 more days.
/// </summary>
internal static class HostedInvoice
{
    private const long Day = 24 * 3600;

    /// <summary>Stripe's rule for when an invoice's hosted link expires, from the invoice's own dates.</summary>
    public static long? Expiry(Invoice invoice) => invoice.FinalizedAt is not { } finalized
        ? null
        : Math.Min((invoice.DueDate ?? finalized) + (30 * Day), finalized + (120 * Day));

    /// <summary>The finalization time that makes <see cref="Expiry"/> give <paramref name="expiresAt"/> (seeding a link
    /// that expires at a given time): 30 days before it, or 120 days before it when a due date would give a later expiry.</summary>
    public static long FinalizedFor(long expiresAt, long? dueDate) =>
        dueDate is { } due && due + (30 * Day) > expiresAt ? expiresAt - (120 * Day) : expiresAt - (30 * Day);

    /// <summary>A fresh link (new token) that works until Stripe's expiry, and at least 10 days from now.</summary>
    public static void Issue(World world, Invoice invoice)
    {
        invoice.HostedToken = "test_" + StripeIds.New("", 40);
        invoice.HostedExpiresAt = Math.Max(Expiry(invoice) ?? world.Now, world.Now + (10 * Day));
    }

    /// <summary>The invoice behind a link, while its token is the current one and it has not expired.</summary>
    public static Invoice Valid(World world, string id, string token)
    {
        var invoice = world.Find<Invoice>(id);
        if (invoice is null || invoice.HostedToken != token)
        {
            throw new AdminException(404, "This invoice link is not valid (a newer link may have been sent).");
        }

        return invoice.HostedExpiresAt is { } expires && expires <= world.Now
            ? throw new AdminException(410, $"This invoice link expired at {UnixTime.Iso(expires)}.")
            : invoice;
    }
}
