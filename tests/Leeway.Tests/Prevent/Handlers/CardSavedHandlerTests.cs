using System.Text.Json.Nodes;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;
using Stripe;

namespace Leeway.Tests.Prevent.Handlers;

/// <summary>A card saved on Stripe's page (which only attaches it) becomes the card Stripe charges, and the open
/// invoice is collected with it: the real sandbox over HTTP, the real product handling Stripe's webhooks.</summary>
public sealed class CardSavedHandlerTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Fact]
    public async Task ASavedCardBecomesTheDefaultEvenOverTheSubscriptionsOwnAndPaysTheOpenInvoicePastTheAttemptsStop()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_cs1", "decline:expired_card", "expired_card", attemptCount: 4));
        var stripe = new StripeClient(new StripeClientOptions { ApiKey = "sk_test_x", ApiBase = world.Sandbox.BaseUrl.ToString().TrimEnd('/') });
        // The subscription names the dead card itself: Stripe would charge it before the customer's default.
        await stripe.V1.Subscriptions.UpdateAsync("sub_cus_cs1", new SubscriptionUpdateOptions { DefaultPaymentMethod = "pm_cus_cs1" });

        // Tier 0 hands the customer a card-update link for the expired card ...
        await world.FireAsync("invoice.payment_failed", "in_cus_cs1");
        var link = (await world.NudgesAsync("cus_cs1")).Select(n => n.Nudge.Link).OfType<string>().First();

        // ... and the customer saves a new card on Stripe's page, which only attaches it.
        var done = await world.PostAdminAsync("/_sandbox/links/complete", new JsonObject
        {
            ["url"] = link,
            ["payment_method"] = new JsonObject { ["id"] = "pm_cs1_new", ["brand"] = "mastercard", ["last4"] = "4444", ["exp_month"] = 3, ["exp_year"] = 2030 },
        });
        Assert.Equal("card_saved", done["outcome"]!.GetValue<string>());
        await world.DrainAsync();
        await world.DrainAsync();

        var customer = await world.ObjectAsync("cus_cs1");
        Assert.Equal("pm_cs1_new", customer["invoice_settings"]!["default_payment_method"]!.GetValue<string>());
        Assert.Equal("pm_cs1_new", (await world.ObjectAsync("sub_cus_cs1"))["default_payment_method"]!.GetValue<string>());
        var invoice = await world.ObjectAsync("in_cus_cs1");
        Assert.Equal("paid", invoice["status"]!.GetValue<string>());

        // Paid once, through the gate, with the new card named, although the dead card had used up the attempts.
        var pay = Assert.Single(await world.RequestsAsync("POST", "/v1/invoices/in_cus_cs1/pay"));
        Assert.Equal("pm_cs1_new", pay["params"]!["payment_method"]!.GetValue<string>());
        Assert.StartsWith("leeway:retry_payment:", pay["idempotency_key"]!.GetValue<string>());
        Assert.Equal("active", (await world.ObjectAsync("sub_cus_cs1"))["status"]!.GetValue<string>());
        Assert.Equal(NudgeState.Resolved, (await world.NudgesAsync("cus_cs1")).Single(n => n.Nudge.Channel == NudgeChannel.InApp).Nudge.State);
    }

    [Fact]
    public async Task AnExpiredCardSavedIsNotMadeTheDefaultAndNothingIsCharged()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_cs2", "decline:insufficient_funds", "insufficient_funds"));
        var stripe = new StripeClient(new StripeClientOptions { ApiKey = "sk_test_x", ApiBase = world.Sandbox.BaseUrl.ToString().TrimEnd('/') });
        var session = await stripe.V1.Checkout.Sessions.CreateAsync(new Stripe.Checkout.SessionCreateOptions
        {
            Mode = "setup",
            Customer = "cus_cs2",
            Currency = "usd",
            SuccessUrl = "https://example.com/ok",
        });

        await world.PostAdminAsync("/_sandbox/links/complete", new JsonObject
        {
            ["url"] = session.Url,
            ["payment_method"] = new JsonObject { ["id"] = "pm_cs2_old", ["exp_month"] = 1, ["exp_year"] = 2020 },
        });
        await world.DrainAsync();

        Assert.Equal("pm_cus_cs2", (await world.ObjectAsync("cus_cs2"))["invoice_settings"]!["default_payment_method"]!.GetValue<string>());
        Assert.Empty(await world.RequestsAsync("POST", "/v1/invoices/in_cus_cs2/pay"));
        Assert.Empty(await world.RequestsAsync("POST", "/v1/customers/cus_cs2"));
    }

    public void Dispose() => _folder.Dispose();
}
