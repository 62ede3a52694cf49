using System.Text.Json.Nodes;
using Leeway.Diagnostics;
using Leeway.Prevent;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Nudges;
using Leeway.Storage;

namespace Leeway.Tests.Prevent.Jobs;

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
        var setup = Assert.Single(await world.RequestsAsync("POST", "/v1/checkout/sessions"));
        var issued = await world.ObjectAsync(setup["object_id"]!.GetValue<string>());
        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromHours(2));

        Assert.Equal(["email", "in_app"], first.Select(n => n.Nudge.Channel));
        Assert.All(first, n => Assert.Equal((RootCause.CardExpiringSoon, "pm_cus_ec1", issued["url"]!.GetValue<string>()), (n.Nudge.Reason, n.Nudge.ObjectId, n.Nudge.Link)));
        Assert.Equal(("setup", "cus_ec1"), (issued["mode"]!.GetValue<string>(), issued["customer"]!.GetValue<string>()));
        // The daily scan looked again on each of the next days: no reminder before a week has passed, no second link.
        Assert.Single(await world.RequestsAsync("POST", "/v1/checkout/sessions"));
        Assert.Equal(2, (await world.NudgesAsync("cus_ec1")).Count);
        var scans = await world.Product.Service<JobQueue>().ListOfKindAsync(JobKinds.CardScan, default);
        Assert.Equal(["card_scan:2026-11-20", "card_scan:2026-11-21", "card_scan:2026-11-22", "card_scan:2026-11-23"], scans.Select(s => s.Job.Key));
        Assert.All(scans, s => Assert.Equal(JobQueue.Done, s.Status));
        Assert.Empty(await world.RequestsAsync("POST", "/v1/invoices"));
    }

    [Fact]
    public async Task ANewCardResolvesTheNudge()
    {
        await using var world = await Tier0World.StartAsync(_folder, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), Worlds.CardExpiringBeforeRenewal("cus_ec2"));
        await world.AdvanceAsync(TimeSpan.FromHours(1));
        var setup = (await world.RequestsAsync("POST", "/v1/checkout/sessions")).Single()["object_id"]!.GetValue<string>();

        var completed = await world.PostAdminAsync($"/_sandbox/checkout/sessions/{setup}/complete", new JsonObject { ["payment_method"] = "pm_cus_ec2_new" });
        await world.DrainAsync();
        await world.FireAsync("payment_method.attached", "pm_cus_ec2_new");

        Assert.Equal("complete", completed["status"]!.GetValue<string>());
        Assert.Equal(NudgeState.Resolved, (await world.NudgesAsync("cus_ec2")).Single(n => n.Nudge.Channel == NudgeChannel.InApp).Nudge.State);
    }

    public void Dispose() => _folder.Dispose();
}
