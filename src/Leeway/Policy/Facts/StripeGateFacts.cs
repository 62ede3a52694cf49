using Leeway.Billing;
using Leeway.Policy.Actions;
using Stripe;

namespace Leeway.Policy.Facts;

/// <summary>
/// Reads the gate's facts from Stripe through Stripe.net: the customer (risk, default card), every charge of the customer
/// with its refunds (refund counts, disputes), open disputes, and the object the action names read directly (its
/// <c>customer</c> is the owner). Reads run concurrently, each through the resilience pipeline.
/// </summary>
internal sealed class StripeGateFacts(StripeClient stripe, StripeResilience resilience) : IGateFacts
{

    public async Task<string?> CustomerOfAsync(BillingAction action, CancellationToken cancellationToken) => action switch
    {
        RetryPayment a => (await InvoiceAsync(a.InvoiceId, cancellationToken))?.CustomerId,
        AuthenticatePayment a => (await InvoiceAsync(a.InvoiceId, cancellationToken))?.CustomerId,
        RegenerateLink { ExpiredCheckoutSessionId: { } id } => (await SessionAsync(id, cancellationToken))?.CustomerId,
        RegenerateLink { InvoiceId: { } id } => (await InvoiceAsync(id, cancellationToken))?.CustomerId,
        RefundCharge a => (await OrNull(t => stripe.V1.Charges.GetAsync(a.ChargeId, cancellationToken: t), cancellationToken))?.CustomerId,
        CancelSubscription a => (await OrNull(t => stripe.V1.Subscriptions.GetAsync(a.SubscriptionId, cancellationToken: t), cancellationToken))?.CustomerId,
        ResumeSubscription a => (await OrNull(t => stripe.V1.Subscriptions.GetAsync(a.SubscriptionId, cancellationToken: t), cancellationToken))?.CustomerId,
        CardUpdateLink a => a.CustomerId,
        UseCard a => a.CustomerId,
        CreditBalance a => a.CustomerId,
        _ => null,
    };

    public async Task<GateFacts> ReadAsync(string customerId, BillingAction action, CancellationToken cancellationToken)
    {
        var customerTask = OrNull(t => stripe.V1.Customers.GetAsync(customerId, cancellationToken: t), cancellationToken);
        var chargesTask = ListAsync(t => stripe.V1.Charges.ListAutoPagingAsync(
            new ChargeListOptions { Customer = customerId, Limit = 100, Expand = ["data.refunds"] }, cancellationToken: t), cancellationToken);
        var invoiceId = action switch
        {
            RetryPayment a => a.InvoiceId,
            AuthenticatePayment a => a.InvoiceId,
            RegenerateLink { ExpiredCheckoutSessionId: null } a => a.InvoiceId,
            _ => null,
        };
        var invoiceTask = invoiceId is null ? Task.FromResult<OwnedInvoice?>(null) : InvoiceFactAsync(invoiceId, cancellationToken);
        var sessionTask = action is RegenerateLink { ExpiredCheckoutSessionId: { } sessionId }
            ? SessionAsync(sessionId, cancellationToken)
            : Task.FromResult<Stripe.Checkout.Session?>(null);
        var subscriptionsTask = action switch
        {
            CancelSubscription a => SingleAsync(OrNull(t => stripe.V1.Subscriptions.GetAsync(a.SubscriptionId, cancellationToken: t), cancellationToken)),
            ResumeSubscription a => SingleAsync(OrNull(t => stripe.V1.Subscriptions.GetAsync(a.SubscriptionId, cancellationToken: t), cancellationToken)),
            // A card-update link needs only the customer's currency (on the customer); making a card the one Stripe
            // charges needs every subscription that names a card of its own.
            UseCard => ListAsync(t => stripe.V1.Subscriptions.ListAutoPagingAsync(
                new SubscriptionListOptions { Customer = customerId, Status = "all", Limit = 100 }, cancellationToken: t), cancellationToken),
            _ => Task.FromResult(new List<Subscription>()),
        };
        var cardId = action switch
        {
            UseCard a => a.PaymentMethodId,
            RetryPayment a => a.PaymentMethodId,
            _ => null,
        };
        var cardTask = cardId is null
            ? Task.FromResult<PaymentMethod?>(null)
            : OrNull(t => stripe.V1.PaymentMethods.GetAsync(cardId, cancellationToken: t), cancellationToken);
        await Task.WhenAll(customerTask, chargesTask, invoiceTask, sessionTask, subscriptionsTask, cardTask);

        var customer = customerTask.Result;
        var charges = chargesTask.Result;
        var disputed = charges.Where(c => c.Disputed).ToList();
        var disputes = await Task.WhenAll(disputed.Select(c => ListAsync(t => stripe.V1.Disputes.ListAutoPagingAsync(
            new DisputeListOptions { Charge = c.Id, Limit = 100 }, cancellationToken: t), cancellationToken)));
        var chargeFacts = await Task.WhenAll(charges.Select(c => ChargeFactAsync(c, cancellationToken)));

        var session = sessionTask.Result;
        string? sessionInvoiceStatus = null;
        if (session?.InvoiceId is { } sessionInvoice && session.CustomerId == customerId)
        {
            sessionInvoiceStatus = (await InvoiceAsync(sessionInvoice, cancellationToken))?.Status;
        }

        var invoice = invoiceTask.Result;
        var subscriptions = subscriptionsTask.Result;
        var card = cardTask.Result;
        var exists = customer is { Deleted: not true };
        var owners = new Dictionary<string, string?>();
        foreach (var id in action.ObjectIds)
        {
            owners[id] = action switch
            {
                _ when card is not null && card.Id == id => card.CustomerId,
                CardUpdateLink or CreditBalance or UseCard => id == customerId && exists ? customerId : null,
                RefundCharge => charges.Any(c => c.Id == id) ? customerId : null,
                CancelSubscription or ResumeSubscription => subscriptions.FirstOrDefault(s => s.Id == id)?.CustomerId,
                RegenerateLink when session?.Id == id => session.CustomerId,
                _ => invoice?.Id == id ? invoice.Owner : null,
            };
        }

        return new GateFacts
        {
            CustomerId = customerId,
            CustomerExists = exists,
            Risk = customer?.Metadata is { } m && m.TryGetValue("risk", out var risk) && !string.IsNullOrEmpty(risk) ? risk : "normal",
            DefaultPaymentMethodId = customer?.InvoiceSettings?.DefaultPaymentMethodId,
            Currency = string.IsNullOrEmpty(customer?.Currency) ? null : customer.Currency,
            Owners = owners,
            Charges = chargeFacts,
            OpenDisputes = disputes.SelectMany(d => d).Where(d => DisputeStatuses.IsOpen(d.Status)).Select(d => d.Id).ToList(),
            Subscriptions = subscriptions.Select(s => new SubscriptionFact(s.Id, s.Status, s.CancelAtPeriodEnd, s.Currency ?? "usd") { DefaultPaymentMethodId = s.DefaultPaymentMethodId }).ToList(),
            Card = card is null ? null : new CardFact(card.Id, card.CustomerId, card.Card?.ExpMonth ?? 0, card.Card?.ExpYear ?? 0),
            Invoice = invoice?.Fact,
            Session = session is null ? null : new SessionFact(
                session.Id, session.Status, session.Mode, session.AmountTotal, session.Currency ?? "usd", session.InvoiceId, sessionInvoiceStatus, session.Url),
        };
    }

    private async Task<ChargeFact> ChargeFactAsync(Charge c, CancellationToken cancellationToken)
    {
        var refunds = c.Refunds?.Data;
        if (refunds is null && c.AmountRefunded > 0)
        {
            // Not expanded: list them, so the 90-day count sees every refund.
            refunds = await ListAsync(t => stripe.V1.Refunds.ListAutoPagingAsync(new RefundListOptions { Charge = c.Id, Limit = 100 }, cancellationToken: t), cancellationToken);
        }

        return new ChargeFact(c.Id, c.Amount, c.AmountRefunded, c.Currency ?? "usd", c.Status, c.Created,
            (refunds ?? []).Select(r => new RefundFact(r.Id, r.Amount, r.Status ?? "succeeded", r.Created)).ToList());
    }

    /// <summary>The invoice with its last failed payment: the latest payment's PaymentIntent carries <c>last_payment_error</c>.</summary>
    private async Task<OwnedInvoice?> InvoiceFactAsync(string invoiceId, CancellationToken cancellationToken)
    {
        var invoice = await OrNull(t => stripe.V1.Invoices.GetAsync(invoiceId, new InvoiceGetOptions { Expand = [.. InvoiceQueries.WithItsBilling] }, cancellationToken: t), cancellationToken);
        if (invoice is null)
        {
            return null;
        }

        var payments = invoice.Payments?.Data
            ?? await ListAsync(t => stripe.V1.InvoicePayments.ListAutoPagingAsync(new InvoicePaymentListOptions { Invoice = invoiceId, Limit = 100 }, cancellationToken: t), cancellationToken);
        var intentId = payments.OrderByDescending(p => p.Created).Select(p => p.Payment?.PaymentIntentId).FirstOrDefault(id => id is not null);
        string? error = null;
        string? failedMethod = null;
        // The invoice's read (shared with the diagnosis's in one event) carries its PaymentIntents; another is read.
        var carried = payments.Select(p => p.Payment?.PaymentIntent).FirstOrDefault(pi => pi?.Id == intentId);
        if (intentId is not null && (carried ?? await OrNull(t => stripe.V1.PaymentIntents.GetAsync(intentId, cancellationToken: t), cancellationToken)) is { } intent)
        {
            error = intent.LastPaymentError?.DeclineCode is { Length: > 0 } decline ? decline : intent.LastPaymentError?.Code;
            failedMethod = intent.LastPaymentError?.PaymentMethod?.Id ?? intent.PaymentMethodId;
        }

        return new OwnedInvoice(invoice.CustomerId, new InvoiceFact(
            invoice.Id, invoice.Status, invoice.AttemptCount, invoice.AmountRemaining, invoice.Currency ?? "usd", error, failedMethod, invoice.HostedInvoiceUrl));
    }

    private Task<Invoice?> InvoiceAsync(string id, CancellationToken cancellationToken) =>
        OrNull(t => stripe.V1.Invoices.GetAsync(id, cancellationToken: t), cancellationToken);

    private Task<Stripe.Checkout.Session?> SessionAsync(string id, CancellationToken cancellationToken) =>
        OrNull(t => stripe.V1.Checkout.Sessions.GetAsync(id, cancellationToken: t), cancellationToken);

    /// <summary>The object, or null when Stripe has no such object (<c>resource_missing</c>).</summary>
    private async Task<T?> OrNull<T>(Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await resilience.ExecuteAsync(read, cancellationToken);
        }
        catch (StripeException e) when (e.StripeError?.Code == "resource_missing" || e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private Task<List<T>> ListAsync<T>(Func<CancellationToken, IAsyncEnumerable<T>> list, CancellationToken cancellationToken) =>
        resilience.ExecuteAsync(async t =>
        {
            var items = new List<T>();
            await foreach (var item in list(t).WithCancellation(t))
            {
                items.Add(item);
            }

            return items;
        }, cancellationToken);

    private static async Task<List<T>> SingleAsync<T>(Task<T?> read)
        where T : class => await read is { } item ? [item] : [];

    private sealed record OwnedInvoice(string? Owner, InvoiceFact Fact)
    {
        public string Id => Fact.Id;
    }
}
