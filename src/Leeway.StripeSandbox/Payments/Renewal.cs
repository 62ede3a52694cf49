using Leeway.StripeSandbox.Api;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Payments;

/// <summary>
/// A subscription reaching the end of its period renews as in Stripe: the items move to the next period, an invoice
/// for it is finalized and charged once (a failure leaves the subscription past_due, and Smart Retries take over).
/// </summary>
internal static class Renewal
{
    public static bool Renews(Subscription subscription) => subscription.Status is "active" or "past_due" or "trialing";

    /// <summary>When the subscription's current period ends (its items share it).</summary>
    public static long? PeriodEnd(World world, Subscription subscription) =>
        subscription.Items(world).Select(i => (long?)i.CurrentPeriodEnd).Min();

    public static void Renew(World world, Subscription subscription, long at)
    {
        var before = world.Render(subscription);
        var items = subscription.Items(world);
        foreach (var item in items)
        {
            var price = world.Find<Price>(item.Price);
            item.CurrentPeriodStart = item.CurrentPeriodEnd;
            item.CurrentPeriodEnd = SubscriptionsApi.Add(item.CurrentPeriodEnd, price?.Interval ?? "month", price?.IntervalCount ?? 1);
        }

        if (subscription.Status == "trialing")
        {
            subscription.Status = "active";
        }

        var invoice = world.Add(new Invoice
        {
            Id = StripeIds.New("in_"),
            Created = at,
            Customer = subscription.Customer,
            Subscription = subscription.Id,
            Currency = subscription.Currency,
            BillingReason = "subscription_cycle",
            CollectionMethod = subscription.CollectionMethod,
            DueDate = subscription.CollectionMethod == "send_invoice" ? at + ((subscription.DaysUntilDue ?? 30) * 86400) : null,
            PeriodStart = items.Count > 0 ? items[0].CurrentPeriodStart : at,
            PeriodEnd = items.Count > 0 ? items[0].CurrentPeriodEnd : at,
        });
        foreach (var item in items)
        {
            var price = world.Find<Price>(item.Price);
            var amount = (price?.UnitAmount ?? 0) * item.Quantity;
            world.Add(new InvoiceLine
            {
                Id = StripeIds.New("il_"),
                Created = at,
                Invoice = invoice.Id,
                Amount = amount,
                Currency = subscription.Currency,
                Description = $"{item.Quantity} × {world.Find<Product>(price?.Product)?.Name ?? item.Price}",
                Quantity = item.Quantity,
                Price = item.Price,
                Subscription = subscription.Id,
                SubscriptionItem = item.Id,
                PeriodStart = item.CurrentPeriodStart,
                PeriodEnd = item.CurrentPeriodEnd,
            });
            invoice.Total += amount;
            invoice.AmountDue += amount;
        }

        subscription.LatestInvoice = invoice.Id;
        world.Emit("invoice.created", invoice);
        world.EmitIfChanged("customer.subscription.updated", subscription, before);
        InvoiceSettlement.Finalize(world, invoice);
        if (invoice.Status != "open" || invoice.CollectionMethod != "charge_automatically")
        {
            return;
        }

        try
        {
            InvoiceSettlement.Pay(world, invoice, null, false);
        }
        catch (ApiException)
        {
            // Declined, waiting for authentication, or no card: the renewal is owed and the subscription past due.
            if (subscription.Status == "active")
            {
                var beforeFailure = world.Render(subscription);
                subscription.Status = "past_due";
                world.EmitIfChanged("customer.subscription.updated", subscription, beforeFailure);
            }
        }
    }
}
