using Leeway.StripeSandbox.Admin;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Payments;

/// <summary>What a customer does on Stripe's hosted pages: pay or save a card in Checkout, complete 3-D Secure.</summary>
internal static class CustomerActions
{
    /// <summary>
    /// The customer completes a Checkout Session on Stripe's page. Setup mode saves the card: a SetupIntent succeeds and
    /// the card is attached to the customer, and that is all (Stripe makes no card the default; the integrator does).
    /// Payment mode pays, marking the session's invoice paid.
    /// </summary>
    public static void CompleteCheckout(World world, CheckoutSession session, string? paymentMethodId, CardDetails? newCard = null)
    {
        if (session.Status != "open")
        {
            throw AdminException.BadRequest($"checkout session {session.Id} is {session.Status}; only an open session can be completed");
        }

        if (session.ExpiresAt <= world.Now)
        {
            throw AdminException.BadRequest($"checkout session {session.Id} expired at {UnixTime.Iso(session.ExpiresAt)}");
        }

        var card = CardFor(world, session.Customer, paymentMethodId, newCard);
        switch (session.Mode)
        {
            case "setup":
                var setup = world.Add(new SetupIntent { Id = StripeIds.New("seti_"), Created = world.Now, Customer = session.Customer, PaymentMethod = card.Id });
                session.SetupIntent = setup.Id;
                session.PaymentStatus = "no_payment_required";
                world.Emit("setup_intent.created", setup);
                world.Emit("setup_intent.succeeded", setup);
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

    /// <summary>The card the customer uses on a page: the one named, else the one they type in (a new card, attached to
    /// <paramref name="customerId"/> when there is one, with <c>payment_method.attached</c>).</summary>
    public static PaymentMethod CardFor(World world, string? customerId, string? paymentMethodId, CardDetails? newCard)
    {
        if (paymentMethodId is not null)
        {
            var named = world.Find<PaymentMethod>(paymentMethodId) ?? throw AdminException.BadRequest($"$.payment_method: no payment method \"{paymentMethodId}\" in the world");
            if (named.Customer is null && customerId is not null)
            {
                named.Customer = customerId;
                world.Reindex(named);
                world.Emit("payment_method.attached", named);
            }

            return named;
        }

        var details = newCard ?? new CardDetails(null, null, null, null, UnixTime.From(world.Now).Year + 4, null);
        if (details.Id is not null && world.Find(details.Id) is not null)
        {
            throw AdminException.BadRequest($"$.payment_method.id: \"{details.Id}\" already exists in the world");
        }

        var card = new PaymentMethod
        {
            Id = details.Id ?? StripeIds.New("pm_"),
            Created = world.Now,
            ExpYear = details.ExpYear ?? UnixTime.From(world.Now).Year + 4,
            Customer = customerId,
        };
        card.Brand = details.Brand ?? card.Brand;
        card.Last4 = details.Last4 ?? card.Last4;
        card.ExpMonth = details.ExpMonth ?? card.ExpMonth;
        card.OnCharge = details.OnCharge ?? card.OnCharge;
        world.Add(card);
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
