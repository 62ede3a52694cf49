using System.Text.Json.Nodes;
using Leeway.StripeSandbox.Admin;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Payments;

/// <summary>
/// A customer completes a link the sandbox issued, doing what Stripe's hosted page lets them do there: a setup-mode
/// Checkout Session or a billing-portal session saves the card (attached, not made the default); a payment-mode
/// Checkout Session or a hosted invoice page pays (with the card typed in, else the card on file); a hosted invoice
/// page whose payment waits for 3-D Secure is authenticated. The caller collects the webhooks emitted.
/// </summary>
internal static class LinkCompletion
{
    public static JsonObject Complete(World world, string url, CardDetails? card)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url.Split('?')[0];
        var parts = path.Trim('/').Split('/');
        switch (parts)
        {
            case ["c", "pay", var sessionId]:
                var session = world.Find<CheckoutSession>(sessionId) ?? throw new AdminException(404, $"$.url: no checkout session \"{sessionId}\"");
                var onFile = card is null && session.Mode == "payment" ? world.Find<Customer>(session.Customer)?.DefaultPaymentMethod : null;
                CustomerActions.CompleteCheckout(world, session, onFile, card);
                return Done(session.Mode == "setup" ? "card_saved" : "paid", session.Id, world.Render(session));

            case ["p", "session", var portalId]:
                var portal = world.Find<PortalSession>(portalId) ?? throw new AdminException(404, $"$.url: no billing portal session \"{portalId}\"");
                var saved = CustomerActions.CardFor(world, portal.Customer, null, card);
                return Done("card_saved", portal.Id, world.Render(saved));

            case ["i", var invoiceId, var token]:
                var invoice = HostedInvoice.Valid(world, invoiceId, token);
                if (invoice.Status != "open")
                {
                    throw AdminException.BadRequest($"invoice {invoice.Id} is {invoice.Status}: there is nothing to pay");
                }

                if (card is null && world.Find<PaymentIntent>(invoice.PaymentIntent) is { Status: "requires_action" })
                {
                    CustomerActions.AuthenticateInvoice(world, invoice);
                    return Done("authenticated", invoice.Id, world.Render(invoice));
                }

                var payWith = card is null ? null : CustomerActions.CardFor(world, invoice.Customer, null, card).Id;
                try
                {
                    InvoiceSettlement.Pay(world, invoice, payWith, false);
                }
                catch (ApiException e) when (e.Code == "invoice_payment_intent_requires_action")
                {
                    // The bank asks for 3-D Secure on the page; the customer completes it there and then.
                    CustomerActions.AuthenticateInvoice(world, invoice);
                }

                return Done("paid", invoice.Id, world.Render(invoice));

            default:
                throw AdminException.BadRequest($"$.url: \"{url}\" is not a link the sandbox issued (checkout, billing portal or hosted invoice page)");
        }
    }

    private static JsonObject Done(string outcome, string objectId, JsonObject state) =>
        new() { ["outcome"] = outcome, ["object"] = objectId, ["state"] = state };
}
