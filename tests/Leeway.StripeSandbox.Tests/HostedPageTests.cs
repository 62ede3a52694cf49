using System.Net;
using System.Text.Json.Nodes;

namespace Leeway.StripeSandbox.Tests;

public sealed class HostedPageTests
{
    [Fact]
    public async Task The_hosted_invoice_page_pays_then_authenticates_and_expired_links_are_gone()
    {
        await using var world = await TestWorld.SeedAsync("""
            {"customers":[{"id":"cus_h","payment_methods":[{"id":"pm_h","default":true,"on_charge":"requires_authentication"}],
              "invoices":[{"id":"in_h","status":"open","amount_due":2900,"currency":"eur","created":"2026-11-10T08:00:00Z","attempt_count":1,"last_payment_error":"authentication_required"},
                          {"id":"in_old","status":"open","amount_due":100,"created":"2026-09-01T00:00:00Z","hosted_invoice_url_expires_at":"2026-10-01T00:00:00Z"}]}]}
            """);
        var url = (await world.Stripe.V1.Invoices.GetAsync("in_h")).HostedInvoiceUrl;
        var page = await world.Admin.GetStringAsync(url);
        Assert.Contains("Authenticate payment", page);
        var path = new Uri(url).AbsolutePath;
        using var authenticated = await world.Admin.PostAsync($"{path}/authenticate", null);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.Equal("paid", (await world.Stripe.V1.Invoices.GetAsync("in_h")).Status);

        var old = (await world.Stripe.V1.Invoices.GetAsync("in_old")).HostedInvoiceUrl;
        using var gone = await world.Admin.GetAsync(old);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
    }

    [Fact]
    public async Task The_checkout_and_portal_pages_act_for_the_customer()
    {
        await using var world = await TestWorld.SeedAsync("""
            {"customers":[{"id":"cus_c","email":"c@example.com","checkout_sessions":[{"id":"cs_c","mode":"payment","status":"open","expires_at":"2026-11-10T20:00:00Z","amount_total":4900}]}]}
            """);
        using var paid = await world.Admin.PostAsync("/c/pay/cs_c", null);
        Assert.Contains("Thank you", await paid.Content.ReadAsStringAsync());
        var session = await world.Stripe.V1.Checkout.Sessions.GetAsync("cs_c");
        Assert.Equal("complete", session.Status);
        Assert.Equal("paid", session.PaymentStatus);
        Assert.Equal("succeeded", (await world.Stripe.V1.PaymentIntents.GetAsync(session.PaymentIntentId)).Status);

        var portal = await world.Stripe.V1.BillingPortal.Sessions.CreateAsync(new Stripe.BillingPortal.SessionCreateOptions { Customer = "cus_c" });
        using var added = await world.Admin.PostAsync(new Uri(portal.Url).AbsolutePath + "/card", null);
        Assert.Contains("•••• 4242", await added.Content.ReadAsStringAsync());

        // Like Stripe, the portal only attaches the card: making it the default is the integrator's job.
        Assert.Equal(2, (await world.Stripe.V1.Customers.PaymentMethods.ListAsync("cus_c")).Data.Count);
        Assert.Null((await world.Stripe.V1.Customers.GetAsync("cus_c")).InvoiceSettings.DefaultPaymentMethodId);
    }
}
