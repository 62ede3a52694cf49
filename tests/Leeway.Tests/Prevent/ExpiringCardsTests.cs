using System.Text.Json.Nodes;
using Leeway.Prevent;

namespace Leeway.Tests.Prevent;

/// <summary>Cards that expire before the next renewal: the daily scan on the clock nudges once with a card-update link,
/// does not nag every day, and the nudge is resolved when a new card arrives.</summary>
public sealed class ExpiringCardsTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Fact]
    public async Task TheDailyScanNudgesOnceWithACardUpdateLinkAndNoCharge()
    {
        await using var world = await Tier0World.StartAsync(_folder, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), Worlds.CardExpiringBeforeRenewal("cus_ec1"));

        await world.AdvanceAsync(TimeSpan.FromHours(1));
        var first = await world.NudgesAsync("cus_ec1");
        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromHours(2));

        Assert.Equal(["email", "in_app"], first.Select(n => n.Nudge.Channel));
        Assert.All(first, n => Assert.Equal(("card_expiring_soon", "pm_cus_ec1"), (n.Nudge.Reason, n.Nudge.ObjectId)));
        var setup = Assert.Single(await world.RequestsAsync("POST", "/v1/checkout/sessions"));
        Assert.Equal("setup", setup["params"]!["mode"]!.GetValue<string>());
        Assert.Equal(first[0].Nudge.Link, (await world.ObjectAsync(setup["object_id"]!.GetValue<string>()))["url"]!.GetValue<string>());
        Assert.Equal(2, (await world.NudgesAsync("cus_ec1")).Count);
        Assert.Empty(await world.RequestsAsync("POST", "/v1/invoices"));
    }

    [Fact]
    public async Task ANewCardResolvesTheNudge()
    {
        await using var world = await Tier0World.StartAsync(_folder, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), Worlds.CardExpiringBeforeRenewal("cus_ec2"));
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        var setup = (await world.RequestsAsync("POST", "/v1/checkout/sessions")).Single()["object_id"]!.GetValue<string>();

        var completed = await world.PostAdminAsync($"/_sandbox/checkout/sessions/{setup}/complete", new JsonObject { ["payment_method"] = "pm_card_visa", ["make_default"] = true });
        var customer = await world.ObjectAsync("cus_ec2");
        await world.FireAsync("payment_method.attached", customer["invoice_settings"]!["default_payment_method"]!.GetValue<string>());

        Assert.Equal("complete", completed["status"]!.GetValue<string>());
        Assert.Equal(NudgeState.Resolved, (await world.NudgesAsync("cus_ec2")).Single(n => n.Nudge.Channel == NudgeChannel.InApp).Nudge.State);
    }

    public void Dispose() => _folder.Dispose();
}
