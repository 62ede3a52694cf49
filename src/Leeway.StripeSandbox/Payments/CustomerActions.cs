using Leeway.StripeSandbox.Admin;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Payments;

/// <summary>What a customer does on Stripe's hosted pages: pay or save a card in Checkout, complete 3-D Secure.</summary>
internal static class CustomerActions
{
    public static void CompleteCheckout(World world, CheckoutSession session, string? paymentMethodId, bool makeDefault)
    {
        if (session.Status != "open")
        {
            throw AdminException.BadRequest($"checkout session {session.Id} is {session.Status}; only an open session can be completed");
        }

        if (session.ExpiresAt <= world.Now)
        {
            throw AdminException.BadRequest($"checkout session {session.Id} expired at {UnixTime.Iso(session.ExpiresAt)}");
        }

        var card = CardFor(world, session, paymentMethodId);
        if (makeDefault && world.Find<Customer>(session.Customer) is { } owner)
        {
            var before = world.Render(owner);
            owner.DefaultPaymentMethod = card.Id;
            world.EmitIfChanged("customer.updated", owner, before);
        }

        switch (session.Mode)
        {
            case "setup":
                session.SetupIntent = StripeIds.New("seti_");
                session.PaymentStatus = "no_payment_required";
                break;
            case "payment":
                var intent = PaymentEngine.NewIntent(world, session.AmountTotal ?? 0, session.Currency ?? "usd", session.Customer, null, null);
                session.PaymentIntent = intent.Id;
                var attempt = PaymentEngine.Confirm(world, intent, card);
                if (!attempt.Succeeded)
                {
                    throw new ApiException(402, "card_error", $"the card {card.Id} was declined ({card.OnCharge}); the session stays open")
                    {
                        Code = attempt.Decline?.Code,
                        DeclineCode = attempt.Decline?.DeclineCode,
                    };
                }

                session.PaymentStatus = "paid";
                var invoiceId = session.Invoice ?? session.Metadata.GetValueOrDefault("invoice");
                if (world.Find<Invoice>(invoiceId) is { Status: "open" or "uncollectible" } invoice)
                {
                    world.Add(new InvoicePayment
                    {
                        Id = StripeIds.New("inpay_"),
                        Created = world.Now,
                        Invoice = invoice.Id,
                        AmountRequested = intent.Amount,
                        Currency = intent.Currency,
                        PaymentIntent = intent.Id,
                    });
                    InvoiceSettlement.MarkPaid(world, invoice, intent, attempt.Charge);
                }

                break;
            default:
                throw AdminException.BadRequest($"checkout session {session.Id}: completing {session.Mode}-mode sessions is not supported by the sandbox");
        }

        session.Status = "complete";
        world.Emit("checkout.session.completed", session);
    }

    /// <summary>The card the customer uses on the page: the one named, else a new test card (saved to the customer, if any).</summary>
    private static PaymentMethod CardFor(World world, CheckoutSession session, string? paymentMethodId)
    {
        if (paymentMethodId is not null)
        {
            var named = world.Find<PaymentMethod>(paymentMethodId) ?? throw AdminException.BadRequest($"$.payment_method: no payment method \"{paymentMethodId}\" in the world");
            if (named.Customer is null && session.Customer is not null)
            {
                named.Customer = session.Customer;
                world.Reindex(named);
                world.Emit("payment_method.attached", named);
            }

            return named;
        }

        var card = world.Add(new PaymentMethod
        {
            Id = StripeIds.New("pm_"),
            Created = world.Now,
            ExpYear = UnixTime.From(world.Now).Year + 4,
            Customer = session.Customer,
        });
        if (card.Customer is not null)
        {
            world.Emit("payment_method.attached", card);
        }

        return card;
    }

    /// <summary>The customer completes 3-D Secure for the invoice's payment: the intent succeeds and the invoice is paid.</summary>
    public static void AuthenticateInvoice(World world, Invoice invoice)
    {
        var intent = world.Find<PaymentIntent>(invoice.PaymentIntent)
            ?? throw AdminException.BadRequest($"invoice {invoice.Id} has no payment intent waiting for authentication");
        var charge = Authenticate(world, intent);
        if (invoice.Status is "open" or "uncollectible")
        {
            InvoiceSettlement.MarkPaid(world, invoice, intent, charge);
        }
    }

    public static Charge Authenticate(World world, PaymentIntent intent)
    {
        if (intent.Status != "requires_action")
        {
            throw AdminException.BadRequest($"payment intent {intent.Id} is {intent.Status}, not requires_action: there is nothing to authenticate");
        }

        var card = world.Find<PaymentMethod>(intent.PaymentMethod ?? intent.LastPaymentErrorMethod)
            ?? throw AdminException.BadRequest($"payment intent {intent.Id} has no payment method");
        var charge = PaymentEngine.Succeed(world, intent, card);
        if (intent.Invoice is not null && world.Find<Invoice>(intent.Invoice) is { Status: "open" or "uncollectible" } invoice && invoice.PaymentIntent == intent.Id)
        {
            // Paid through its own intent: the invoice follows (AuthenticateInvoice lands here too, once).
            InvoiceSettlement.MarkPaid(world, invoice, intent, charge);
        }

        return charge;
    }
}
