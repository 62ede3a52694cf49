using Leeway.Billing;

namespace Leeway.SelfHeal;

/// <summary>
/// The customer's billing at a glance, under the meter: the plan and its price, when it renews or ends, the card on file,
/// the invoices and the refunds. Built from the <see cref="BillingSnapshot"/> the diagnosis already read for this page
/// (the request's read scope shares it), so showing it costs no Stripe request.
/// </summary>
internal sealed record BillingHome(
    IReadOnlyList<PlanLine> Plans,
    CardLine? Card,
    IReadOnlyList<InvoiceLine> Invoices,
    IReadOnlyList<RefundLine> Refunds)
{
    public static readonly BillingHome Empty = new([], null, [], []);

    /// <summary>What is still owed: the open invoices with money remaining, oldest first.</summary>
    public IReadOnlyList<InvoiceLine> Owed => Invoices.Where(i => i.Status == "open" && i.Remaining > 0).OrderBy(i => i.Created).ToList();

    /// <summary>The oldest invoice still owed, if any.</summary>
    public InvoiceLine? FirstOwed => Owed is [var first, ..] ? first : null;

    /// <summary>The customer's currency: their plan's, else their latest invoice's.</summary>
    public string? Currency => (Plans is [var plan, ..] ? plan.Currency : null) ?? (Invoices is [var invoice, ..] ? invoice.Currency : null);

    public static BillingHome From(BillingSnapshot? billing)
    {
        if (billing is null)
        {
            return Empty;
        }

        var plans = billing.Subscriptions
            .Where(s => s.Status is not ("incomplete_expired"))
            .OrderBy(s => s.Status == "canceled" ? 1 : 0).ThenByDescending(s => s.Created)
            .Take(3)
            .Select(Plan)
            .ToList();
        var card = billing.DefaultPaymentMethod?.Card is { } c
            ? new CardLine(c.Brand, c.Last4, (int)c.ExpMonth, (int)c.ExpYear)
            : null;
        var invoices = billing.Invoices
            .Where(i => i.Status is not "draft")
            .OrderByDescending(i => i.Created)
            .Take(12)
            .Select(i => new InvoiceLine(
                i.Id,
                string.IsNullOrEmpty(i.Number) ? null : i.Number,
                i.Created.Utc(),
                i.Total != 0 ? i.Total : i.AmountDue,
                i.AmountRemaining,
                i.Currency,
                i.Status ?? "open",
                i.HostedInvoiceUrl,
                i.InvoicePdf))
            .ToList();
        var numbers = invoices.Where(i => i.Number is not null).ToDictionary(i => i.Id, i => i.Number!, StringComparer.Ordinal);
        var refunds = billing.Refunds
            .OrderByDescending(r => r.Created)
            .Take(12)
            .Select(r =>
            {
                var charge = billing.Charges.FirstOrDefault(ch => ch.Id == r.ChargeId);
                var invoiceId = charge is null ? null : billing.InvoiceOf(charge);
                return new RefundLine(
                    r.Amount,
                    r.Currency,
                    r.Status ?? "pending",
                    r.Created.Utc(),
                    invoiceId is null ? null : numbers.GetValueOrDefault(invoiceId));
            })
            .ToList();
        return new BillingHome(plans, card, invoices, refunds);
    }

    private static PlanLine Plan(Stripe.Subscription subscription)
    {
        var item = subscription.Items?.Data?.FirstOrDefault();
        var price = item?.Price;
        var name = price?.Nickname is { Length: > 0 } nickname ? nickname
            : price?.Product is { Name.Length: > 0 } product ? product.Name
            : subscription.Description is { Length: > 0 } description ? description
            : null;
        var amount = price?.UnitAmount is { } unit ? unit * (item?.Quantity ?? 1) : (long?)null;
        var periodEnd = item is null || item.CurrentPeriodEnd == default ? (DateTimeOffset?)null : item.CurrentPeriodEnd.Utc();
        DateTimeOffset? cancelsAt = subscription.CancelAt is { } at ? at.Utc()
            : subscription.CancelAtPeriodEnd ? periodEnd : null;
        DateTimeOffset? endedAt = subscription.EndedAt is { } ended ? ended.Utc() : null;
        return new PlanLine(subscription.Id, name, amount, price?.Currency ?? subscription.Currency, price?.Recurring?.Interval, subscription.Status, periodEnd, cancelsAt, endedAt);
    }
}

/// <summary>One subscription: its name (null when Stripe gives none), price per interval, and renewal, cancellation or end.</summary>
internal sealed record PlanLine(string SubscriptionId, string? Name, long? Amount, string? Currency, string? Interval, string Status, DateTimeOffset? RenewsAt, DateTimeOffset? CancelsAt, DateTimeOffset? EndedAt)
{
    public bool Ended => Status is "canceled" or "incomplete_expired";

    /// <summary>Scheduled to end: the customer can still keep it (undo the cancellation) until then.</summary>
    public bool Cancelling => !Ended && CancelsAt is not null;
}

internal sealed record CardLine(string? Brand, string? Last4, int ExpMonth, int ExpYear);

/// <summary>An invoice as the customer sees it: Stripe's number, the day, the amount, the status and Stripe's own pages for it.</summary>
internal sealed record InvoiceLine(string Id, string? Number, DateTimeOffset Created, long Amount, long Remaining, string Currency, string Status, string? HostedUrl, string? PdfUrl);

internal sealed record RefundLine(long Amount, string Currency, string Status, DateTimeOffset Created, string? InvoiceNumber);
