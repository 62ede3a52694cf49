using System.Text.Json.Nodes;
using Leeway.Diagnostics;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;
using Leeway.Storage;

namespace Leeway.Tests.Prevent.Handlers;

/// <summary>Self-renewing payment links: an expired checkout session is replaced through the gate and the customer
/// nudged with the new link; a renewed link that lapses again is renewed again, up to a limit, then a person follows up.</summary>
public sealed class CheckoutLinkHandlerTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Fact]
    public async Task AnExpiredCheckoutLinkIsReplacedAndTheCustomerNudgedWithTheNewOne()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.ExpiredCheckout("cus_cl1"));

        await world.FireAsync("checkout.session.expired", "cs_cus_cl1");
        await world.FireAsync("checkout.session.expired", "cs_cus_cl1");

        var created = Assert.Single(await world.RequestsAsync("POST", "/v1/checkout/sessions"));
        Assert.Equal("cs_cus_cl1", created["params"]!["metadata[recovered_from]"]!.GetValue<string>());
        var renewed = await world.ObjectAsync(created["object_id"]!.GetValue<string>());
        Assert.Equal(("cus_cl1", "open"), (renewed["customer"]!.GetValue<string>(), renewed["status"]!.GetValue<string>()));
        var nudges = await world.NudgesAsync("cus_cl1");
        Assert.Equal(["email", "in_app"], nudges.Select(n => n.Nudge.Channel));
        Assert.All(nudges, n => Assert.Equal((RootCause.PaymentLinkExpired, "cs_cus_cl1", renewed["url"]!.GetValue<string>()), (n.Nudge.Reason, n.Nudge.ObjectId, n.Nudge.Link)));
    }

    [Fact]
    public async Task ARenewedLinkThatLapsesIsRenewedAgainUpToTheLimitThenAPersonFollowsUp()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.ExpiredCheckout("cus_cl2"),
            new Dictionary<string, string?> { ["Prevent:MaxLinkRenewals"] = "2" });

        await world.FireAsync("checkout.session.expired", "cs_cus_cl2");
        // Nobody pays: each renewed session expires on the sandbox clock and Stripe says so.
        await world.AdvanceAsync(TimeSpan.FromDays(4), TimeSpan.FromHours(1));

        var renewals = await world.RequestsAsync("POST", "/v1/checkout/sessions");
        Assert.Equal(2, renewals.Count);
        Assert.Equal(renewals[0]["object_id"]!.GetValue<string>(), renewals[1]["params"]!["metadata[recovered_from]"]!.GetValue<string>());
        var emails = (await world.NudgesAsync("cus_cl2")).Where(n => n.Nudge.Channel == NudgeChannel.Email).ToList();
        Assert.Equal(3, emails.Count);
        Assert.All(emails, n => Assert.Equal("payment_link_expired", WireName.Of(n.Nudge.Reason)));
        Assert.All(emails.Take(2), n => Assert.NotNull(n.Nudge.Link));
        Assert.Null(emails[2].Nudge.Link);
        Assert.Contains("A member of our billing team will contact you", emails[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PayingWithTheRenewedLinkResolvesTheNudges()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.ExpiredCheckout("cus_cl3"));
        await world.FireAsync("checkout.session.expired", "cs_cus_cl3");
        var renewed = (await world.RequestsAsync("POST", "/v1/checkout/sessions")).Single()["object_id"]!.GetValue<string>();

        await world.PostAdminAsync($"/_sandbox/checkout/sessions/{renewed}/complete", new JsonObject { ["payment_method"] = "pm_cus_cl3_wallet" });
        await world.DrainAsync();

        var inApp = (await world.NudgesAsync("cus_cl3")).Single(n => n.Nudge.Channel == NudgeChannel.InApp);
        Assert.Equal(NudgeState.Resolved, inApp.Nudge.State);
    }

    public void Dispose() => _folder.Dispose();
}
