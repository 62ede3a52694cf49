using Leeway.Billing;
using Leeway.Policy.Facts;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Policy.Actions;

/// <summary>
/// Carries out allowed actions on Stripe. Each action is exactly one mutating call, made with the decision's idempotency
/// key through the resilience pipeline, then confirmed by reading Stripe's resulting state (invoice paid, charge
/// refunded, the new session's url, …). A card decline is a result (allowed, not succeeded), not an exception.
/// </summary>
internal sealed class StripeActionExecutor(StripeClient stripe, StripeResilience resilience, IPolicyProvider policy, IOptions<BillingOptions> billing) : IActionExecutor
{
    public Task<ActionExecution> ExecuteAsync(BillingAction action, PolicyDecision decision, GateFacts facts, string idempotencyKey, CancellationToken cancellationToken)
    {
        var options = new RequestOptions { IdempotencyKey = idempotencyKey };
        return action switch
        {
            RetryPayment a => PayAsync(a.InvoiceId, a.PaymentMethodId, options, cancellationToken),
            UseCard a => UseCardAsync(a, facts, idempotencyKey, cancellationToken),
            RefundCharge a => RefundAsync(a, decision, idempotencyKey, options, cancellationToken),
            RegenerateLink { ExpiredCheckoutSessionId: not null } when facts.Session is { } old => RecoverSessionAsync(old, facts.CustomerId, idempotencyKey, options, cancellationToken),
            RegenerateLink { InvoiceId: { } invoiceId } => SendInvoiceAsync(invoiceId, options, cancellationToken),
            AuthenticatePayment a => SendInvoiceAsync(a.InvoiceId, options, cancellationToken),
            CardUpdateLink a => CardUpdateLinkAsync(a.CustomerId, facts, idempotencyKey, options, cancellationToken),
            CancelSubscription a => CancelAsync(a.SubscriptionId, options, cancellationToken),
            ResumeSubscription a => ResumeAsync(a.SubscriptionId, options, cancellationToken),
            CreditBalance a => CreditAsync(a, idempotencyKey, options, cancellationToken),
            _ => throw new ArgumentException($"the gate cannot execute {WireName.Of(action.Type)} with these facts", nameof(action)),
        };
    }

    private async Task<ActionExecution> PayAsync(string invoiceId, string? paymentMethodId, RequestOptions options, CancellationToken ct)
    {
        string? requestId;
        string? declined = null;
        var replayed = false;
        try
        {
            var paid = await resilience.ExecuteAsync(t => stripe.V1.Invoices.PayAsync(invoiceId, new InvoicePayOptions { PaymentMethod = paymentMethodId }, options, t), ct);
            requestId = paid.StripeResponse?.RequestId;
            replayed = Replayed(paid.StripeResponse);
        }
        catch (StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.PaymentRequired || e.StripeError?.Type == "card_error")
        {
            requestId = e.StripeResponse?.RequestId;
            declined = $"declined: {e.StripeError?.DeclineCode ?? e.StripeError?.Code ?? "card_declined"}";
        }

        var invoice = await resilience.ExecuteAsync(t => stripe.V1.Invoices.GetAsync(invoiceId, cancellationToken: t), ct);
        var succeeded = declined is null && invoice.Status == "paid";
        return new ActionExecution(
            new ActionResult(invoice.Id, invoice.Status, invoice.HostedInvoiceUrl, declined is null ? invoice.AmountPaid : invoice.AmountRemaining, invoice.Currency, requestId,
                declined ?? (succeeded ? null : $"invoice is {invoice.Status} after the payment attempt")),
            succeeded,
            replayed);
    }

    private async Task<ActionExecution> RefundAsync(RefundCharge action, PolicyDecision decision, string key, RequestOptions options, CancellationToken ct)
    {
        var create = new RefundCreateOptions
        {
            Charge = action.ChargeId,
            Amount = decision.Amount ?? action.Amount,
            Reason = action.Reason,
            Metadata = new Dictionary<string, string> { ["leeway_decision"] = key },
        };
        var refund = await resilience.ExecuteAsync(t => stripe.V1.Refunds.CreateAsync(create, options, t), ct);
        var charge = await resilience.ExecuteAsync(t => stripe.V1.Charges.GetAsync(action.ChargeId, cancellationToken: t), ct);
        var succeeded = refund.Status is not ("failed" or "canceled") && charge.AmountRefunded >= refund.Amount;
        return new ActionExecution(
            new ActionResult(refund.Id, refund.Status, null, refund.Amount, refund.Currency, refund.StripeResponse?.RequestId,
                succeeded ? null : $"refund is {refund.Status}; the charge shows {charge.AmountRefunded} refunded"),
            succeeded,
            Replayed(refund.StripeResponse));
    }

    /// <summary>A new Checkout Session like the expired one: same mode, amount, currency and customer, marked with what it replaces.</summary>
    private async Task<ActionExecution> RecoverSessionAsync(SessionFact old, string customerId, string key, RequestOptions options, CancellationToken ct)
    {
        var create = new Stripe.Checkout.SessionCreateOptions
        {
            Mode = old.Mode,
            Customer = customerId,
            SuccessUrl = PageUrl("checkout=success"),
            CancelUrl = PageUrl("checkout=canceled"),
            Metadata = new Dictionary<string, string> { ["recovered_from"] = old.Id, ["leeway_decision"] = key },
        };
        if (old.InvoiceId is { } invoice)
        {
            create.Metadata["invoice"] = invoice;
        }

        if (old.Mode == "setup")
        {
            create.Currency = old.Currency;
        }
        else
        {
            create.LineItems =
            [
                new Stripe.Checkout.SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new Stripe.Checkout.SessionLineItemPriceDataOptions
                    {
                        Currency = old.Currency,
                        UnitAmount = old.AmountTotal ?? 0,
                        ProductData = new Stripe.Checkout.SessionLineItemPriceDataProductDataOptions { Name = "Payment (renewed link)" },
                        Recurring = old.Mode == "subscription" ? new Stripe.Checkout.SessionLineItemPriceDataRecurringOptions { Interval = "month" } : null,
                    },
                },
            ];
        }

        var created = await resilience.ExecuteAsync(t => stripe.V1.Checkout.Sessions.CreateAsync(create, options, t), ct);
        return await ConfirmSessionAsync(created, ct);
    }

    private async Task<ActionExecution> CardUpdateLinkAsync(string customerId, GateFacts facts, string key, RequestOptions options, CancellationToken ct)
    {
        if (policy.Current.CardUpdateLink == "billing_portal")
        {
            var portal = await resilience.ExecuteAsync(t => stripe.V1.BillingPortal.Sessions.CreateAsync(
                new Stripe.BillingPortal.SessionCreateOptions { Customer = customerId, ReturnUrl = PageUrl("card=updated") }, options, t), ct);
            return new ActionExecution(
                new ActionResult(portal.Id, "open", portal.Url, null, null, portal.StripeResponse?.RequestId, portal.Url is null ? "the portal session has no url" : null),
                portal.Url is not null,
                Replayed(portal.StripeResponse));
        }

        // The currency the customer's subscriptions and invoices bill in (Stripe keeps it on the customer), else usd.
        var currency = facts.Currency ?? "usd";
        var created = await resilience.ExecuteAsync(t => stripe.V1.Checkout.Sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "setup",
            Customer = customerId,
            Currency = currency,
            SuccessUrl = PageUrl("card=updated"),
            CancelUrl = PageUrl("card=canceled"),
            Metadata = new Dictionary<string, string> { ["leeway_decision"] = key },
        }, options, t), ct);
        return await ConfirmSessionAsync(created, ct);
    }

    /// <summary>
    /// The card becomes the customer's invoice default, and the default of every live subscription that names another
    /// card (its own card would otherwise win). One mutating call per object, each with the decision's key plus the
    /// object, so a repeated decision changes nothing twice.
    /// </summary>
    private async Task<ActionExecution> UseCardAsync(UseCard action, GateFacts facts, string key, CancellationToken ct)
    {
        var customer = await resilience.ExecuteAsync(t => stripe.V1.Customers.UpdateAsync(action.CustomerId, new CustomerUpdateOptions
        {
            InvoiceSettings = new CustomerInvoiceSettingsOptions { DefaultPaymentMethod = action.PaymentMethodId },
        }, new RequestOptions { IdempotencyKey = $"{key}:{action.CustomerId}" }, t), ct);
        var replayed = Replayed(customer.StripeResponse);
        foreach (var subscription in facts.Subscriptions.Where(s =>
            s.Status is "active" or "past_due" or "unpaid" or "trialing" or "incomplete"
            && s.DefaultPaymentMethodId is not null && s.DefaultPaymentMethodId != action.PaymentMethodId))
        {
            var updated = await resilience.ExecuteAsync(t => stripe.V1.Subscriptions.UpdateAsync(subscription.Id, new SubscriptionUpdateOptions
            {
                DefaultPaymentMethod = action.PaymentMethodId,
            }, new RequestOptions { IdempotencyKey = $"{key}:{subscription.Id}" }, t), ct);
            replayed &= Replayed(updated.StripeResponse);
        }

        var succeeded = customer.InvoiceSettings?.DefaultPaymentMethodId == action.PaymentMethodId;
        return new ActionExecution(
            new ActionResult(customer.Id, succeeded ? "card_in_use" : "unchanged", null, null, null, customer.StripeResponse?.RequestId,
                succeeded ? null : $"customer {customer.Id} still charges {customer.InvoiceSettings?.DefaultPaymentMethodId}"),
            succeeded,
            replayed);
    }

    /// <summary>A fresh hosted invoice link (also the page where the customer completes 3-D Secure).</summary>
    private async Task<ActionExecution> SendInvoiceAsync(string invoiceId, RequestOptions options, CancellationToken ct)
    {
        var sent = await resilience.ExecuteAsync(t => stripe.V1.Invoices.SendInvoiceAsync(invoiceId, new InvoiceSendOptions(), options, t), ct);
        // Stripe answers with the invoice as sent; only a replayed answer (the same decision acted on earlier) may be out of date.
        var invoice = Replayed(sent.StripeResponse) ? await resilience.ExecuteAsync(t => stripe.V1.Invoices.GetAsync(invoiceId, cancellationToken: t), ct) : sent;
        var url = invoice.HostedInvoiceUrl ?? sent.HostedInvoiceUrl;
        return new ActionExecution(
            new ActionResult(invoice.Id, invoice.Status, url, invoice.AmountRemaining, invoice.Currency, sent.StripeResponse?.RequestId, url is null ? "the invoice has no hosted link" : null),
            url is not null,
            Replayed(sent.StripeResponse));
    }

    private async Task<ActionExecution> CancelAsync(string subscriptionId, RequestOptions options, CancellationToken ct)
    {
        var updated = await resilience.ExecuteAsync(t => stripe.V1.Subscriptions.UpdateAsync(
            subscriptionId, new SubscriptionUpdateOptions { CancelAtPeriodEnd = true }, options, t), ct);
        var subscription = await resilience.ExecuteAsync(t => stripe.V1.Subscriptions.GetAsync(subscriptionId, cancellationToken: t), ct);
        var succeeded = subscription.CancelAtPeriodEnd || subscription.Status == "canceled";
        return new ActionExecution(
            new ActionResult(subscription.Id, subscription.Status, null, null, subscription.Currency, updated.StripeResponse?.RequestId,
                succeeded ? null : "the subscription is not set to cancel"),
            succeeded,
            Replayed(updated.StripeResponse));
    }

    /// <summary>Stripe's way to undo a scheduled cancellation: <c>cancel_at_period_end=false</c> (docs: billing/subscriptions/cancel#reactivating-canceled-subscriptions).</summary>
    private async Task<ActionExecution> ResumeAsync(string subscriptionId, RequestOptions options, CancellationToken ct)
    {
        var updated = await resilience.ExecuteAsync(t => stripe.V1.Subscriptions.UpdateAsync(
            subscriptionId, new SubscriptionUpdateOptions { CancelAtPeriodEnd = false }, options, t), ct);
        var subscription = await resilience.ExecuteAsync(t => stripe.V1.Subscriptions.GetAsync(subscriptionId, cancellationToken: t), ct);
        var succeeded = !subscription.CancelAtPeriodEnd && subscription.CancelAt is null && subscription.Status != "canceled";
        return new ActionExecution(
            new ActionResult(subscription.Id, subscription.Status, null, null, subscription.Currency, updated.StripeResponse?.RequestId,
                succeeded ? null : "the subscription is still set to cancel"),
            succeeded,
            Replayed(updated.StripeResponse));
    }

    /// <summary>A customer-balance credit is a negative balance transaction (it pays down future invoices).</summary>
    private async Task<ActionExecution> CreditAsync(CreditBalance action, string key, RequestOptions options, CancellationToken ct)
    {
        var transaction = await resilience.ExecuteAsync(t => stripe.V1.Customers.BalanceTransactions.CreateAsync(action.CustomerId, new CustomerBalanceTransactionCreateOptions
        {
            Amount = -action.Amount,
            Currency = action.Currency.ToLowerInvariant(),
            Description = action.Reason,
            Metadata = new Dictionary<string, string> { ["leeway_decision"] = key },
        }, options, t), ct);
        return new ActionExecution(
            new ActionResult(transaction.Id, "succeeded", null, -transaction.Amount, transaction.Currency, transaction.StripeResponse?.RequestId, null),
            transaction.Amount == -action.Amount,
            Replayed(transaction.StripeResponse));
    }

    private async Task<ActionExecution> ConfirmSessionAsync(Stripe.Checkout.Session created, CancellationToken ct)
    {
        // A fresh answer is the session as created; a replayed one (the same decision acted on earlier) is read again,
        // since the session may have been completed or expired since.
        var session = Replayed(created.StripeResponse)
            ? await resilience.ExecuteAsync(t => stripe.V1.Checkout.Sessions.GetAsync(created.Id, cancellationToken: t), ct)
            : created;
        var url = session.Url ?? created.Url;
        return new ActionExecution(
            new ActionResult(session.Id, session.Status, url, session.AmountTotal, session.Currency, created.StripeResponse?.RequestId, url is null ? "the new session has no url" : null),
            url is not null && session.Status == "open",
            Replayed(created.StripeResponse));
    }

    private string PageUrl(string query) => $"{billing.Value.PublicBaseUrl.TrimEnd('/')}/billing?{query}";

    private static bool Replayed(StripeResponse? response) =>
        response?.Headers is { } headers && headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true", StringComparer.OrdinalIgnoreCase);
}
