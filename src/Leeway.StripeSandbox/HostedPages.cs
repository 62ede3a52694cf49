using System.Globalization;
using System.Net;
using Leeway.StripeSandbox.Admin;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Payments;
using Leeway.StripeSandbox.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Leeway.StripeSandbox;

/// <summary>
/// The pages behind the links the sandbox issues, each with a button doing what the customer would do there:
/// <c>/c/pay/{id}</c> (Checkout: pay or save a card), <c>/p/session/{id}</c> (portal: add a card as the default),
/// <c>/i/{invoice}/{token}</c> (hosted invoice: pay with the card on file, then authenticate if the bank asks).
/// A hosted invoice link works while its token is the invoice's current one and the sandbox clock is before its expiry.
/// </summary>
internal static class HostedPages
{
    public static void MapHostedPages(this IEndpointRouteBuilder app, Sandbox sandbox)
    {
        app.MapGet("/c/pay/{id}", (string id) => Page(sandbox, world => CheckoutPage(world, id)));
        app.MapPost("/c/pay/{id}", (string id) => Act(sandbox, world =>
        {
            var session = world.Find<CheckoutSession>(id) ?? throw new AdminException(404, "This checkout link does not exist.");
            CustomerActions.CompleteCheckout(world, session, null);
            return CheckoutPage(world, id);
        }));

        app.MapGet("/p/session/{id}", (string id) => Page(sandbox, world => PortalPage(world, id)));
        app.MapPost("/p/session/{id}/card", (string id) => Act(sandbox, world =>
        {
            var session = world.Find<PortalSession>(id) ?? throw new AdminException(404, "This portal link does not exist.");
            // The portal saves the card on the customer; making it the default is the integrator's job, as with Checkout.
            CustomerActions.CardFor(world, session.Customer, null, null);
            return PortalPage(world, id);
        }));

        app.MapGet("/i/{invoice}/{token}", (string invoice, string token) => Page(sandbox, world => InvoicePage(world, invoice, token, null)));
        app.MapPost("/i/{invoice}/{token}/pay", (string invoice, string token) => Act(sandbox, world =>
        {
            var found = HostedInvoice.Valid(world, invoice, token);
            string note;
            try
            {
                InvoiceSettlement.Pay(world, found, null, false);
                note = "Payment succeeded.";
            }
            catch (ApiException e)
            {
                note = e.Code == "invoice_payment_intent_requires_action" ? "Your bank asks you to authenticate this payment." : $"Payment failed: {e.Message}";
            }

            return InvoicePage(world, invoice, token, note);
        }));
        app.MapPost("/i/{invoice}/{token}/authenticate", (string invoice, string token) => Act(sandbox, world =>
        {
            CustomerActions.AuthenticateInvoice(world, HostedInvoice.Valid(world, invoice, token));
            return InvoicePage(world, invoice, token, "Payment authenticated and completed.");
        }));
    }

    private static string CheckoutPage(World world, string id)
    {
        var session = world.Find<CheckoutSession>(id) ?? throw new AdminException(404, "This checkout link does not exist.");
        if (session.Status == "open" && session.ExpiresAt <= world.Now)
        {
            return Html("Checkout", "<p>This checkout link has expired.</p>");
        }

        var body = session.Status switch
        {
            "open" when session.Mode == "setup" => $"<p>Save a card for later payments.</p>{Button($"/c/pay/{id}", "Save card")}",
            "open" => $"<p>Pay {Money(session.AmountTotal ?? 0, session.Currency)}.</p>{Button($"/c/pay/{id}", "Pay")}",
            "complete" => "<p>Done. Thank you!</p>",
            _ => "<p>This checkout link has expired.</p>",
        };
        return Html("Checkout", body);
    }

    private static string PortalPage(World world, string id)
    {
        var session = world.Find<PortalSession>(id) ?? throw new AdminException(404, "This portal link does not exist.");
        var customer = world.Get<Customer>(session.Customer, "customer");
        var cards = world.Owned<PaymentMethod>(customer.Id).Where(p => p.Customer == customer.Id)
            .Select(p => $"<li>{Encode(p.Brand)} •••• {Encode(p.Last4)} {p.ExpMonth}/{p.ExpYear}{(p.Id == customer.DefaultPaymentMethod ? " (default)" : "")}</li>");
        return Html("Billing portal", $"<p>{Encode(customer.Email ?? customer.Id)}</p><ul>{string.Concat(cards)}</ul>{Button($"/p/session/{id}/card", "Add a new card")}");
    }

    private static string InvoicePage(World world, string id, string token, string? note)
    {
        var invoice = HostedInvoice.Valid(world, id, token);
        var intent = world.Find<PaymentIntent>(invoice.PaymentIntent);
        var actions = invoice.Status != "open" ? "" : intent?.Status == "requires_action"
            ? Button($"/i/{id}/{token}/authenticate", "Authenticate payment")
            : Button($"/i/{id}/{token}/pay", "Pay with the card on file");
        return Html($"Invoice {invoice.Number}",
            $"{(note is null ? "" : $"<p><strong>{Encode(note)}</strong></p>")}<p>Status: {invoice.Status}. Amount due: {Money(invoice.AmountRemaining, invoice.Currency)}.</p>{actions}");
    }

    private static IResult Page(Sandbox sandbox, Func<World, string> render)
    {
        lock (sandbox.World.Sync)
        {
            try
            {
                return Results.Content(render(sandbox.World), "text/html");
            }
            catch (AdminException e)
            {
                return Results.Content(Html("Stripe sandbox", $"<p>{Encode(e.Message)}</p>"), "text/html", statusCode: e.Status);
            }
        }
    }

    private static async Task<IResult> Act(Sandbox sandbox, Func<World, string> action)
    {
        var world = sandbox.World;
        List<EventRecord> emitted;
        IResult result;
        lock (world.Sync)
        {
            world.TakeEmitted();
            try
            {
                result = Results.Content(action(world), "text/html");
            }
            catch (Exception e) when (e is AdminException or ApiException)
            {
                result = Results.Content(Html("Stripe sandbox", $"<p>{Encode(e.Message)}</p>"), "text/html", statusCode: e is AdminException a ? a.Status : ((ApiException)e).Status);
            }
            finally
            {
                emitted = world.TakeEmitted();
            }
        }

        await sandbox.Webhooks.FirstAttemptsAsync(emitted.Select(e => e.Id), CancellationToken.None);
        return result;
    }

    private static string Button(string action, string label) =>
        $"<form method=\"post\" action=\"{Encode(action)}\"><button type=\"submit\">{Encode(label)}</button></form>";

    private static string Money(long amount, string? currency) =>
        $"{(amount / 100m).ToString("0.00", CultureInfo.InvariantCulture)} {(currency ?? "usd").ToUpperInvariant()}";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Html(string title, string body) =>
        $"<!doctype html><html><head><meta charset=\"utf-8\"><title>{Encode(title)}</title></head><body><h1>{Encode(title)}</h1>{body}<p><small>Stripe sandbox (test mode)</small></p></body></html>";
}
