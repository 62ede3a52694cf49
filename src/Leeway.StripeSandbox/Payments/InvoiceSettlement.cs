using System.Globalization;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Payments;

/// <summary>An invoice's life: finalize, pay (charging a card), mark paid, send a fresh link, void.</summary>
internal static class InvoiceSettlement
{
    public static void Finalize(World world, Invoice invoice)
    {
        if (invoice.Status != "draft")
        {
            throw ApiException.InvalidRequest("This invoice is already finalized, you can't re-finalize a non-draft invoice.", code: "invoice_not_editable");
        }

        var customer = world.Get<Customer>(invoice.Customer, "customer", "customer");
        invoice.Status = "open";
        invoice.FinalizedAt = world.Now;
        invoice.Number ??= $"{customer.InvoicePrefix}-{(world.Owned<Invoice>(customer.Id).Count(i => i.Customer == customer.Id && i.Number is not null) + 1).ToString("D4", CultureInfo.InvariantCulture)}";
        NewLink(world, invoice);
        if (invoice.AmountRemaining > 0)
        {
            EnsureIntent(world, invoice);
        }

        world.Emit("invoice.finalized", invoice);
        if (invoice.AmountRemaining == 0)
        {
            MarkPaid(world, invoice, null, null);
        }
    }

    public static void NewLink(World world, Invoice invoice) => HostedInvoice.Issue(world, invoice);

    /// <summary>The invoice's open payment intent, created (with its invoice payment) when there is none to use.</summary>
    public static PaymentIntent EnsureIntent(World world, Invoice invoice)
    {
        var intent = world.Find<PaymentIntent>(invoice.PaymentIntent);
        if (intent is not null && intent.Status is not ("succeeded" or "canceled"))
        {
            return intent;
        }

        intent = PaymentEngine.NewIntent(world, invoice.AmountRemaining, invoice.Currency, invoice.Customer, $"Invoice {invoice.Number ?? invoice.Id}", invoice.Id);
        invoice.PaymentIntent = intent.Id;
        var payments = invoice.Payments(world);
        world.Add(new InvoicePayment
        {
            Id = StripeIds.New("inpay_"),
            Created = world.Now,
            Invoice = invoice.Id,
            AmountRequested = intent.Amount,
            Currency = invoice.Currency,
            PaymentIntent = intent.Id,
            IsDefault = payments.Count == 0 || payments.All(p => p.Status == "canceled"),
        });
        return intent;
    }

    /// <summary><c>POST /v1/invoices/{id}/pay</c>: charges the card; a decline or a pending authentication is Stripe's 402 (after the state changed).</summary>
    public static void Pay(World world, Invoice invoice, string? paymentMethodId, bool paidOutOfBand)
    {
        switch (invoice.Status)
        {
            case "paid":
                throw ApiException.InvalidRequest("Invoice is already paid.", code: "invoice_already_paid");
            case "void":
                throw ApiException.InvalidRequest("This invoice has been voided and cannot be paid.", code: "invoice_not_payable");
            case "draft":
                Finalize(world, invoice);
                if (invoice.Status == "paid")
                {
                    return;
                }

                break;
        }

        if (paidOutOfBand || invoice.AmountRemaining == 0)
        {
            MarkPaid(world, invoice, null, null);
            return;
        }

        var card = ResolveCard(world, invoice, paymentMethodId);
        var intent = EnsureIntent(world, invoice);
        if (intent.Amount != invoice.AmountRemaining)
        {
            intent.Amount = invoice.AmountRemaining;
        }

        var before = world.Render(invoice);
        invoice.AttemptCount++;
        invoice.Attempted = true;
        invoice.FirstAttemptAt ??= world.Now;
        var attempt = PaymentEngine.Confirm(world, intent, card);
        if (attempt.Succeeded)
        {
            MarkPaid(world, invoice, intent, attempt.Charge);
            return;
        }

        // A retry already scheduled stands (an attempt made in the meantime does not move it), unless this decline
        // is one Stripe does not retry.
        var next = SmartRetries.Next(world, invoice, attempt);
        invoice.NextPaymentAttempt = next is not null && invoice.NextPaymentAttempt > world.Now ? invoice.NextPaymentAttempt : next;

        world.EmitIfChanged("invoice.updated", invoice, before);
        if (attempt.RequiresAction)
        {
            world.Emit("invoice.payment_action_required", invoice);
            throw PaymentEngine.CardError(world, intent, attempt, card, "invoice_payment_intent_requires_action",
                "This payment requires additional user action before it can be completed successfully. Payment can be completed using the PaymentIntent associated with the invoice.");
        }

        world.Emit("invoice.payment_failed", invoice);
        throw PaymentEngine.CardError(world, intent, attempt, card);
    }

    private static PaymentMethod ResolveCard(World world, Invoice invoice, string? paymentMethodId)
    {
        if (paymentMethodId is not null)
        {
            return world.Get<PaymentMethod>(paymentMethodId, "payment_method", "payment_method");
        }

        var subscription = world.Find<Subscription>(invoice.Subscription);
        var customer = world.Find<Customer>(invoice.Customer);
        var id = invoice.DefaultPaymentMethod ?? subscription?.DefaultPaymentMethod ?? customer?.DefaultPaymentMethod;
        return world.Find<PaymentMethod>(id)
            ?? throw ApiException.InvalidRequest(
                "This customer has no attached payment source or default payment method. Please consider adding a default payment method.",
                code: "invoice_no_payment_method");
    }

    /// <summary>The invoice is paid (by <paramref name="charge"/>, or out of band): links, events, and its subscription back to active.</summary>
    public static void MarkPaid(World world, Invoice invoice, PaymentIntent? intent, Charge? charge)
    {
        var paid = invoice.AmountRemaining;
        invoice.Status = "paid";
        invoice.AmountPaid += paid;
        invoice.PaidAt = world.Now;
        invoice.NextPaymentAttempt = null;
        if (intent is not null)
        {
            var payment = invoice.Payments(world).FirstOrDefault(p => p.PaymentIntent == intent.Id);
            if (payment is not null)
            {
                payment.Status = "paid";
                payment.AmountPaid = charge?.Amount ?? paid;
                payment.PaidAt = world.Now;
                payment.Charge = charge?.Id;
            }
        }
        else if (world.Find<PaymentIntent>(invoice.PaymentIntent) is { Status: not ("succeeded" or "canceled") } open)
        {
            open.Status = "canceled";
            open.CanceledAt = world.Now;
            open.CancellationReason = "void_invoice";
        }

        world.Emit("invoice.paid", invoice);
        world.Emit("invoice.payment_succeeded", invoice);
        if (world.Find<Subscription>(invoice.Subscription) is { Status: "past_due" or "unpaid" or "incomplete" } subscription)
        {
            var before = world.Render(subscription);
            subscription.Status = "active";
            world.EmitIfChanged("customer.subscription.updated", subscription, before);
        }
    }

    /// <summary><c>/send</c>: a fresh hosted link (new token, new expiry) and <c>invoice.sent</c>.</summary>
    public static void Send(World world, Invoice invoice)
    {
        if (invoice.Status is "draft" or "void")
        {
            throw ApiException.InvalidRequest($"You can only send an invoice that is open, paid or uncollectible; this one is {invoice.Status}.", code: "invoice_not_editable");
        }

        NewLink(world, invoice);
        world.Emit("invoice.sent", invoice);
    }

    public static void Void(World world, Invoice invoice)
    {
        if (invoice.Status is not ("open" or "uncollectible"))
        {
            throw ApiException.InvalidRequest($"You can only void an open or uncollectible invoice; this one is {invoice.Status}.", code: "invoice_not_editable");
        }

        invoice.Status = "void";
        invoice.VoidedAt = world.Now;
        invoice.NextPaymentAttempt = null;
        if (world.Find<PaymentIntent>(invoice.PaymentIntent) is { Status: not ("succeeded" or "canceled") } intent)
        {
            intent.Status = "canceled";
            intent.CanceledAt = world.Now;
            intent.CancellationReason = "void_invoice";
        }

        foreach (var payment in invoice.Payments(world).Where(p => p.Status == "open"))
        {
            payment.Status = "canceled";
            payment.CanceledAt = world.Now;
        }

        world.Emit("invoice.voided", invoice);
    }

    public static void MarkUncollectible(World world, Invoice invoice)
    {
        if (invoice.Status != "open")
        {
            throw ApiException.InvalidRequest($"You can only mark an open invoice uncollectible; this one is {invoice.Status}.", code: "invoice_not_editable");
        }

        invoice.Status = "uncollectible";
        invoice.MarkedUncollectibleAt = world.Now;
        world.Emit("invoice.marked_uncollectible", invoice);
    }
}
