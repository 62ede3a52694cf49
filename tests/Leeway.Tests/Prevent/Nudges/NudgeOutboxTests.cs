using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Leeway.Diagnostics;
using Leeway.Prevent;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Nudges;
using Leeway.Storage;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Leeway.Tests.Prevent.Nudges;

/// <summary>The nudge outbox: the 24-hour rule on the injected clock, e-mail over a real SMTP server, the pickup folder,
/// retries of failed sends, and the dashboard's in-app list.</summary>
public sealed class NudgeOutboxTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly FakeTimeProvider _clock = PreventHost.NewClock();

    [Fact]
    public async Task AtMostOneNudgePerReasonPerObjectPer24Hours()
    {
        await using var host = await StartAsync();
        var outbox = host.Service<NudgeOutbox>();

        Assert.Equal(2, (await outbox.CreateAsync(Draft("in_1", "payment_failed_card_expired"), default)).Count);
        Assert.Empty(await outbox.CreateAsync(Draft("in_1", "payment_failed_card_expired"), default));
        Assert.Equal(2, (await outbox.CreateAsync(Draft("in_2", "payment_failed_card_expired"), default)).Count);
        Assert.Equal(2, (await outbox.CreateAsync(Draft("in_1", "payment_failed_insufficient_funds"), default)).Count);

        _clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.Empty(await outbox.CreateAsync(Draft("in_1", "payment_failed_card_expired"), default));
        _clock.Advance(TimeSpan.FromSeconds(1));
        var again = await outbox.CreateAsync(Draft("in_1", "payment_failed_card_expired"), default);

        Assert.Equal([NudgeChannel.Email, NudgeChannel.InApp], again.Select(n => n.Nudge.Channel));
        Assert.Equal(8, (await outbox.ListForCustomerAsync("cus_nudged", default)).Count);
    }

    [Fact]
    public async Task ConcurrentDecisionsForOneSlotStoreOneNudgePerChannel()
    {
        await using var host = await StartAsync();
        var outbox = host.Service<NudgeOutbox>();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => outbox.CreateAsync(Draft("in_race", "payment_failed_card_expired"), default))));

        Assert.Equal(2, results.Sum(r => r.Count));
        Assert.Equal(2, (await outbox.ListForCustomerAsync("cus_nudged", default)).Count);
    }

    [Fact]
    public async Task EmailGoesOutOverSmtpWithTheFixLink()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Prevent:Smtp:Host"] = SmtpSink.Host, ["Prevent:Smtp:Port"] = SmtpSink.Port });
        var email = (await host.Service<NudgeOutbox>().CreateAsync(Draft("in_smtp", "payment_failed_card_expired"), default)).Single(n => n.Nudge.Channel == NudgeChannel.Email);

        Assert.True(await host.Service<NudgeDispatcher>().SendAsync(email, default));

        using var message = await SmtpSink.WaitForAsync(email.Nudge.Id);
        Assert.Equal("customer@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("Your card has expired", message.Subject);
        Assert.Contains("https://pay.example/fix/in_smtp", message.TextBody, StringComparison.Ordinal);
        Assert.Equal("payment_failed_card_expired", message.Headers["X-Leeway-Reason"]);
        Assert.Equal(NudgeState.Sent, (await host.Service<NudgeOutbox>().ListForCustomerAsync("cus_nudged", default)).Single(n => n.Id == email.Nudge.Id).State);
    }

    [Fact]
    public async Task PendingEmailsLeftByACrashAreSentByTheScheduler()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Prevent:Smtp:Host"] = SmtpSink.Host, ["Prevent:Smtp:Port"] = SmtpSink.Port });
        var outbox = host.Service<NudgeOutbox>();
        for (var i = 0; i < 40; i++)
        {
            // Created and left pending, as after a crash between deciding and sending.
            var stored = await outbox.CreateAsync(Draft($"in_burst_{i}", "payment_failed_insufficient_funds"), default);
            Assert.Equal(2, stored.Count);
        }

        _clock.Advance(TimeSpan.FromSeconds(121));
        await host.Service<IScheduledWork>().RunDueAsync(default);

        var emails = (await outbox.ListForCustomerAsync("cus_nudged", default)).Where(n => n.Channel == NudgeChannel.Email).ToList();
        Assert.All(emails, n => Assert.Equal(NudgeState.Sent, n.State));
        foreach (var nudge in emails)
        {
            using var message = await SmtpSink.WaitForAsync(nudge.Id);
        }
    }

    [Fact]
    public async Task WithoutAnSmtpHostEmailIsWrittenToThePickupFolderAndCountsAsSent()
    {
        await using var host = await StartAsync();
        var email = (await host.Service<NudgeOutbox>().CreateAsync(Draft("in_pickup", "payment_link_expired"), default)).Single(n => n.Nudge.Channel == NudgeChannel.Email);

        Assert.True(await host.Service<NudgeDispatcher>().SendAsync(email, default));

        using var message = await MimeMessage.LoadAsync(Path.Combine(_folder.Path, "mail-pickup", email.Nudge.Id + ".eml"));
        Assert.Equal(email.Nudge.Id, message.Headers["X-Leeway-Nudge"]);
        Assert.Equal(NudgeState.Sent, (await host.Service<NudgeOutbox>().ListForCustomerAsync("cus_nudged", default)).Single(n => n.Id == email.Nudge.Id).State);
    }

    [Fact]
    public async Task AnUnreachableMailServerLeavesTheEmailPendingThenFailedAfterMaxAttempts()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Prevent:Smtp:Host"] = "127.0.0.1",
            ["Prevent:Smtp:Port"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Prevent:MaxAttempts"] = "2",
        });
        var outbox = host.Service<NudgeOutbox>();
        var email = (await outbox.CreateAsync(Draft("in_down", "payment_failed_card_expired"), default)).Single(n => n.Nudge.Channel == NudgeChannel.Email);

        Assert.False(await host.Service<NudgeDispatcher>().SendAsync(email, default));
        Assert.Equal(NudgeState.Pending, await StateAsync(outbox, email.Nudge.Id));
        // Not due again until its back-off has passed.
        await host.Service<IScheduledWork>().RunDueAsync(default);
        Assert.Equal(NudgeState.Pending, await StateAsync(outbox, email.Nudge.Id));
        _clock.Advance(TimeSpan.FromMinutes(1));
        await host.Service<IScheduledWork>().RunDueAsync(default);

        Assert.Equal(NudgeState.Failed, await StateAsync(outbox, email.Nudge.Id));
        // The in-app nudge is there whatever happens to the e-mail.
        Assert.Equal(NudgeState.Sent, (await outbox.ListForCustomerAsync("cus_nudged", default)).Single(n => n.Channel == NudgeChannel.InApp).State);
    }

    [Fact]
    public async Task TheDashboardShowsTheCustomersOwnOpenInAppNudges()
    {
        await using var host = await StartAsync();
        var outbox = host.Service<NudgeOutbox>();
        await outbox.CreateAsync(Draft("in_open", "payment_failed_card_expired"), default);
        await outbox.CreateAsync(Draft("in_paid", "payment_failed_insufficient_funds"), default);
        await outbox.CreateAsync(Draft("in_other", "payment_failed_card_expired") with { CustomerId = "cus_someone_else" }, default);
        Assert.Equal(2, await outbox.ResolveAsync("cus_nudged", ["in_paid"], null, default));

        using var anonymous = await host.Http.GetAsync("/api/v1/me/nudges");
        host.SignInAs("cus_nudged");
        var open = await host.Http.GetFromJsonAsync<InAppNudgeList>("/api/v1/me/nudges");
        var all = await host.Http.GetFromJsonAsync<InAppNudgeList>("/api/v1/me/nudges?all=true");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var shown = Assert.Single(open!.Data);
        Assert.Equal(("in_open", "payment_failed_card_expired", "https://pay.example/fix/in_open"), (shown.ObjectId, WireName.Of(shown.Reason), shown.Link));
        Assert.Equal("Your card has expired", shown.Title);
        Assert.Equal([NudgeState.Resolved, NudgeState.Sent], all!.Data.Select(n => n.State).Order());
        Assert.DoesNotContain(all.Data, n => n.ObjectId == "in_other");
    }

    public void Dispose() => _folder.Dispose();

    private Task<PreventHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null) =>
        PreventHost.StartAsync(_folder, _clock, PreventHost.NewSecret(), settings);

    private static NudgeDraft Draft(string objectId, string reason) => new(
        "cus_nudged",
        RootCauses.Parse(reason),
        objectId,
        $"https://pay.example/fix/{objectId}",
        reason == "payment_failed_card_expired" ? "Your card has expired" : "About your payment",
        $"Fix it here: https://pay.example/fix/{objectId}",
        "customer@example.com",
        "evt_test");

    private static async Task<string> StateAsync(NudgeOutbox outbox, string nudgeId) =>
        (await outbox.ListForCustomerAsync("cus_nudged", default)).Single(n => n.Id == nudgeId).State;

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
