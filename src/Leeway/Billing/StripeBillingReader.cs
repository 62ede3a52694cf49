using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Billing;

/// <summary>
/// Reads one customer's billing from Stripe with calls that run concurrently (the customer with its lists; then the
/// disputes of disputed charges, which Stripe lists only per charge).
/// Charges carry their refunds (<c>expand[]=data.refunds</c>); invoices carry their payments
/// (<c>expand[]=data.payments</c>), which is how Stripe links a charge or payment intent to its invoice.
/// Inside a <see cref="StripeReadScope"/> one snapshot per customer serves every caller (until a write).
/// </summary>
internal sealed class StripeBillingReader(StripeClient stripe, IOptions<BillingOptions> options) : IBillingReader
{
    public async Task<BillingSnapshot?> ReadAsync(string customerId, CancellationToken cancellationToken)
    {
        if (!options.Value.ShareReadsInScope || StripeReadScope.Active is not { } reads)
        {
            return await ReadFreshAsync(customerId, cancellationToken);
        }

        try
        {
            // The first asker's token must not cancel the snapshot others wait for: each waits with its own.
            return await reads.GetOrReadSnapshot(customerId, () => ReadFreshAsync(customerId, CancellationToken.None)).WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            reads.ForgetSnapshot(customerId);
            throw;
        }
    }

    private Task<BillingSnapshot?> ReadFreshAsync(string customerId, CancellationToken cancellationToken) =>
        StripeReadScope.FocusOf(customerId) is { } invoiceId
            ? ReadAboutInvoiceAsync(customerId, invoiceId, cancellationToken)
            : ReadWholeAsync(customerId, cancellationToken);

    /// <summary>
    /// What bears on one invoice, in one parallel round of two reads: the invoice with its customer (and the customer's
    /// default card), its payments' PaymentIntents and its subscription (and the subscription's card) expanded, and the
    /// customer's charges with their refunds (the same read the gate makes). Disputed charges add their disputes. An
    /// invoice Stripe does not have, or of another customer, falls back to the whole read.
    /// </summary>
    private async Task<BillingSnapshot?> ReadAboutInvoiceAsync(string customerId, string invoiceId, CancellationToken cancellationToken)
    {
        var chargesTask = ListAll(stripe.V1.Charges.ListAutoPagingAsync(Charges(customerId), cancellationToken: cancellationToken), cancellationToken);
        Invoice invoice;
        try
        {
            invoice = await stripe.V1.Invoices.GetAsync(invoiceId, new InvoiceGetOptions { Expand = [.. InvoiceQueries.WithItsBilling] }, cancellationToken: cancellationToken);
        }
        catch (StripeException e) when (e.StripeError?.Code == "resource_missing")
        {
            invoice = new Invoice();
        }

        if (invoice.Customer is not { } customer || customer.Id != customerId)
        {
            await AbandonAsync(chargesTask);
            return await ReadWholeAsync(customerId, cancellationToken);
        }

        if (customer.Deleted == true)
        {
            await AbandonAsync(chargesTask);
            return null;
        }

        var charges = await chargesTask;
        var disputes = await DisputesAsync(charges, cancellationToken);
        var intents = (invoice.Payments?.Data ?? []).Select(p => p.Payment?.PaymentIntent).OfType<PaymentIntent>().DistinctBy(pi => pi.Id).ToList();
        var subscription = invoice.Parent?.SubscriptionDetails?.Subscription;
        var cards = new[] { customer.InvoiceSettings?.DefaultPaymentMethod, subscription?.DefaultPaymentMethod }
            .Concat(intents.Select(pi => pi.LastPaymentError?.PaymentMethod))
            .OfType<PaymentMethod>()
            .Where(pm => pm.CustomerId is null || pm.CustomerId == customerId)
            .DistinctBy(pm => pm.Id)
            .ToList();
        var (invoiceByCharge, invoiceByIntent) = Links([invoice], charges);
        return new BillingSnapshot(
            customer,
            cards,
            subscription is null ? [] : [subscription],
            [invoice],
            intents,
            charges,
            charges.SelectMany(c => c.Refunds?.Data ?? []).ToList(),
            disputes,
            [],
            invoiceByCharge,
            invoiceByIntent)
        { AboutInvoice = invoice.Id };
    }

    private static ChargeListOptions Charges(string customerId) => new() { Customer = customerId, Limit = 100, Expand = ["data.refunds"] };

    private async Task<List<Dispute>> DisputesAsync(List<Charge> charges, CancellationToken cancellationToken)
    {
        var disputeLists = await Task.WhenAll(charges.Where(c => c.Disputed).Select(c =>
            ListAll(stripe.V1.Disputes.ListAutoPagingAsync(new DisputeListOptions { Charge = c.Id, Limit = 100 }, cancellationToken: cancellationToken), cancellationToken)));
        return disputeLists.SelectMany(d => d).ToList();
    }

    /// <summary>Charge → invoice and PaymentIntent → invoice, through the invoices' payments (how Stripe links them now).</summary>
    private static (Dictionary<string, string> ByCharge, Dictionary<string, string> ByIntent) Links(IEnumerable<Invoice> invoices, IEnumerable<Charge> charges)
    {
        var invoiceByCharge = new Dictionary<string, string>();
        var invoiceByIntent = new Dictionary<string, string>();
        foreach (var invoice in invoices)
        {
            foreach (var payment in invoice.Payments?.Data ?? [])
            {
                if (payment.Payment?.ChargeId is { } chargeId)
                {
                    invoiceByCharge[chargeId] = invoice.Id;
                }

                if (payment.Payment?.PaymentIntentId is { } intentId)
                {
                    invoiceByIntent[intentId] = invoice.Id;
                }
            }
        }

        foreach (var charge in charges)
        {
            if (!invoiceByCharge.ContainsKey(charge.Id) && charge.PaymentIntentId is { } pi && invoiceByIntent.TryGetValue(pi, out var inv))
            {
                invoiceByCharge[charge.Id] = inv;
            }
        }

        return (invoiceByCharge, invoiceByIntent);
    }

    private async Task<BillingSnapshot?> ReadWholeAsync(string customerId, CancellationToken cancellationToken)
    {
        // The customer and the lists are read at once: one round trip instead of two. If the customer turns out not
        // to exist, the lists are cancelled and their failures ignored.
        using var lists = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var ct = lists.Token;
        var customerTask = stripe.V1.Customers.GetAsync(customerId, cancellationToken: cancellationToken);
        var paymentMethods = ListAll(stripe.V1.PaymentMethods.ListAutoPagingAsync(new PaymentMethodListOptions { Customer = customerId, Type = "card", Limit = 100 }, cancellationToken: ct), ct);
        var subscriptions = ListAll(stripe.V1.Subscriptions.ListAutoPagingAsync(new SubscriptionListOptions { Customer = customerId, Status = "all", Limit = 100 }, cancellationToken: ct), ct);
        var invoices = ListAll(stripe.V1.Invoices.ListAutoPagingAsync(new InvoiceListOptions { Customer = customerId, Limit = 100, Expand = ["data.payments"] }, cancellationToken: ct), ct);
        var intents = ListAll(stripe.V1.PaymentIntents.ListAutoPagingAsync(new PaymentIntentListOptions { Customer = customerId, Limit = 100 }, cancellationToken: ct), ct);
        var charges = ListAll(stripe.V1.Charges.ListAutoPagingAsync(Charges(customerId), cancellationToken: ct), ct);
        var sessions = ListAll(stripe.V1.Checkout.Sessions.ListAutoPagingAsync(new Stripe.Checkout.SessionListOptions { Customer = customerId, Limit = 100 }, cancellationToken: ct), ct);
        var all = Task.WhenAll(paymentMethods, subscriptions, invoices, intents, charges, sessions);

        Customer customer;
        try
        {
            customer = await customerTask;
        }
        catch (StripeException e) when (e.StripeError?.Code == "resource_missing")
        {
            await AbandonAsync(lists, all);
            return null;
        }
        catch
        {
            await AbandonAsync(lists, all);
            throw;
        }

        if (customer.Deleted == true)
        {
            await AbandonAsync(lists, all);
            return null;
        }

        await all;

        var disputes = await DisputesAsync(charges.Result, cancellationToken);
        var (invoiceByCharge, invoiceByIntent) = Links(invoices.Result, charges.Result);
        var refunds = charges.Result.SelectMany(c => c.Refunds?.Data ?? []).ToList();
        return new BillingSnapshot(
            customer,
            paymentMethods.Result,
            subscriptions.Result,
            invoices.Result,
            intents.Result,
            charges.Result,
            refunds,
            disputes,
            sessions.Result,
            invoiceByCharge,
            invoiceByIntent);
    }

    /// <summary>Waits for a read no longer wanted, so it fails observed.</summary>
    private static async Task AbandonAsync(Task read)
    {
        try
        {
            await read;
        }
        catch (Exception e) when (e is StripeException or OperationCanceledException or HttpRequestException)
        {
            // Expected: the charges of a customer that does not exist.
        }
    }

    /// <summary>Cancels list reads no longer wanted and waits for them, so none fails unobserved.</summary>
    private static async Task AbandonAsync(CancellationTokenSource lists, Task all)
    {
        await lists.CancelAsync();
        try
        {
            await all;
        }
        catch (Exception e) when (e is StripeException or OperationCanceledException or HttpRequestException)
        {
            // Expected: the lists of a customer that does not exist fail or were cancelled.
        }
    }

    private static async Task<List<T>> ListAll<T>(IAsyncEnumerable<T> items, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }
}
