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
public sealed class StripeBillingReader(StripeClient stripe, IOptions<BillingOptions> options) : IBillingReader
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

    private async Task<BillingSnapshot?> ReadFreshAsync(string customerId, CancellationToken cancellationToken)
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
        var charges = ListAll(stripe.V1.Charges.ListAutoPagingAsync(new ChargeListOptions { Customer = customerId, Limit = 100, Expand = ["data.refunds"] }, cancellationToken: ct), ct);
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

        var disputedCharges = charges.Result.Where(c => c.Disputed).Select(c => c.Id).ToList();
        var disputeLists = await Task.WhenAll(disputedCharges.Select(id =>
            ListAll(stripe.V1.Disputes.ListAutoPagingAsync(new DisputeListOptions { Charge = id, Limit = 100 }, cancellationToken: cancellationToken), cancellationToken)));

        var invoiceByCharge = new Dictionary<string, string>();
        var invoiceByIntent = new Dictionary<string, string>();
        foreach (var invoice in invoices.Result)
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

        foreach (var charge in charges.Result)
        {
            if (!invoiceByCharge.ContainsKey(charge.Id) && charge.PaymentIntentId is { } pi && invoiceByIntent.TryGetValue(pi, out var inv))
            {
                invoiceByCharge[charge.Id] = inv;
            }
        }

        var refunds = charges.Result.SelectMany(c => c.Refunds?.Data ?? []).ToList();
        return new BillingSnapshot(
            customer,
            paymentMethods.Result,
            subscriptions.Result,
            invoices.Result,
            intents.Result,
            charges.Result,
            refunds,
            disputeLists.SelectMany(d => d).ToList(),
            sessions.Result,
            invoiceByCharge,
            invoiceByIntent);
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
