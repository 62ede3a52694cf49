using System.Net;
using System.Text.Json.Nodes;
using Stripe;
using Stripe.Checkout;

namespace Leeway.StripeSandbox.Tests.Conformance;

public sealed class CheckoutTests
{
    private const string World = """
        {"customers":[{"id":"cus_eli","email":"eli@example.com","name":"Eli",
          "checkout_sessions":[{"id":"cs_eli_old","mode":"payment","status":"expired","expires_at":"2026-11-05T12:00:00Z","amount_total":4900}]}]}
        """;

    [Fact]
    public async Task Payment_session_has_a_sandbox_url_a_day_to_live_and_lists_by_customer_and_status()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var sessions = world.Stripe.V1.Checkout.Sessions;
        var session = await sessions.CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            Customer = "cus_eli",
            Metadata = new() { ["recovered_from"] = "cs_eli_old" },
            LineItems = [new() { Quantity = 1, PriceData = new() { Currency = "usd", UnitAmount = 4900, ProductData = new() { Name = "Add-on" } } }],
        });
        Assert.StartsWith("cs_test_", session.Id);
        Assert.Equal($"{world.Host.BaseUrl.ToString().TrimEnd('/')}/c/pay/{session.Id}", session.Url);
        Assert.Equal("open", session.Status);
        Assert.Equal(4900, session.AmountTotal);
        Assert.Equal("usd", session.Currency);
        Assert.Equal(TestWorld.DefaultNow.AddDays(1).UtcDateTime, session.ExpiresAt);
        Assert.Equal("cus_eli", session.CustomerId);

        var open = await sessions.ListAsync(new SessionListOptions { Customer = "cus_eli", Status = "open" });
        Assert.Equal(session.Id, Assert.Single(open.Data).Id);
        var all = await sessions.ListAsync(new SessionListOptions { Customer = "cus_eli" });
        Assert.Equal([session.Id, "cs_eli_old"], all.Data.Select(s => s.Id));
        var old = all.Data[1];
        Assert.Equal("expired", old.Status);
        Assert.Null(old.Url);
        Assert.Equal(4900, old.AmountTotal);

        var expired = await sessions.ExpireAsync(session.Id);
        Assert.Equal("expired", expired.Status);
        var e = await Assert.ThrowsAsync<StripeException>(() => sessions.ExpireAsync(session.Id));
        Assert.Equal(HttpStatusCode.BadRequest, e.HttpStatusCode);
    }

    [Fact]
    public async Task Setup_session_and_portal_session_give_links_for_the_customer()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var setup = await world.Stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions { Mode = "setup", Customer = "cus_eli", Currency = "usd", SuccessUrl = "https://example.com/ok" });
        Assert.Equal("setup", setup.Mode);
        Assert.Null(setup.AmountTotal);
        Assert.EndsWith($"/c/pay/{setup.Id}", setup.Url);

        var portal = await world.Stripe.V1.BillingPortal.Sessions.CreateAsync(new Stripe.BillingPortal.SessionCreateOptions { Customer = "cus_eli", ReturnUrl = "https://example.com/account" });
        Assert.StartsWith("bps_", portal.Id);
        Assert.Equal($"{world.Host.BaseUrl.ToString().TrimEnd('/')}/p/session/{portal.Id}", portal.Url);
        Assert.Equal("cus_eli", portal.Customer);

        var completed = await world.PostAsync($"/_sandbox/checkout/sessions/{setup.Id}/complete", new JsonObject());
        Assert.Equal("complete", completed["status"]!.GetValue<string>());
        var intent = await world.Stripe.V1.SetupIntents.GetAsync(completed["setup_intent"]!.GetValue<string>());
        Assert.Equal(("succeeded", "cus_eli"), (intent.Status, intent.CustomerId));
        var customer = await world.Stripe.V1.Customers.GetAsync("cus_eli");
        Assert.NotEqual(intent.PaymentMethodId, customer.InvoiceSettings?.DefaultPaymentMethodId);
    }

    [Fact]
    public async Task Payment_mode_without_line_items_is_400_naming_line_items()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var e = await Assert.ThrowsAsync<StripeException>(() => world.Stripe.V1.Checkout.Sessions.CreateAsync(new SessionCreateOptions { Mode = "payment", Customer = "cus_eli" }));
        Assert.Equal("line_items", e.StripeError.Param);
    }

    [Fact]
    public async Task Customer_balance_credit_updates_the_balance()
    {
        await using var world = await TestWorld.SeedAsync(World);
        var credit = await world.Stripe.V1.Customers.BalanceTransactions.CreateAsync("cus_eli", new CustomerBalanceTransactionCreateOptions { Amount = -1500, Currency = "usd", Description = "Goodwill" });
        Assert.StartsWith("cbtxn_", credit.Id);
        Assert.Equal(-1500, credit.EndingBalance);
        Assert.Equal(-1500, (await world.Stripe.V1.Customers.GetAsync("cus_eli")).Balance);
        var list = await world.Stripe.V1.Customers.BalanceTransactions.ListAsync("cus_eli");
        Assert.Equal(credit.Id, Assert.Single(list.Data).Id);
    }
}
