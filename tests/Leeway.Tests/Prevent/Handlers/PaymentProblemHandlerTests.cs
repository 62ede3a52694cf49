using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Prevent;
using Leeway.Prevent.Handlers;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Leeway.Storage;
using MimeKit;

namespace Leeway.Tests.Prevent.Handlers;

/// <summary>Failed and unauthenticated renewals, end to end: the sandbox fires the webhook, Tier 0 diagnoses, acts
/// through the gate, nudges, and retries on the clock. What happened on "Stripe" is read from the sandbox's own record.</summary>
public sealed class PaymentProblemHandlerTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Fact]
    public async Task AnExpiredCardGetsACardUpdateNudgeAndIsNeverRetried()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.FailedRenewal("cus_pp1", "decline:expired_card", "expired_card"));

        await world.FireAsync("invoice.payment_failed", "in_cus_pp1");

        var nudges = await world.NudgesAsync("cus_pp1");
        Assert.Equal([("email", "sent"), ("in_app", "sent")], nudges.Select(n => (n.Nudge.Channel, n.Nudge.State)));
        Assert.All(nudges, n => Assert.Equal((RootCause.PaymentFailedCardExpired, "in_cus_pp1"), (n.Nudge.Reason, n.Nudge.ObjectId)));
        var setup = Assert.Single(await world.RequestsAsync("POST", "/v1/checkout/sessions"));
        Assert.Equal(("setup", "cus_pp1"), (Param(setup, "mode"), Param(setup, "customer")));
        var link = (await world.ObjectAsync(setup["object_id"]!.GetValue<string>()))["url"]!.GetValue<string>();
        Assert.All(nudges, n => Assert.Equal(link, n.Nudge.Link));
        using var email = await MimeMessage.LoadAsync(Path.Combine(world.Folder, "mail-pickup", nudges[0].Nudge.Id + ".eml"));
        Assert.Equal("cus_pp1@example.com", email.To.Mailboxes.Single().Address);
        Assert.Contains(link, email.TextBody, StringComparison.Ordinal);

        // Stripe tells us again (a second event, same invoice): nothing new within 24 hours.
        await world.FireAsync("invoice.payment_failed", "in_cus_pp1");
        await world.AdvanceAsync(TimeSpan.FromDays(5), TimeSpan.FromHours(1));

        Assert.Empty(await world.RequestsAsync("POST", "/v1/invoices/in_cus_pp1/pay"));
        Assert.Single(await world.RequestsAsync("POST", "/v1/checkout/sessions"));
        Assert.Empty(await world.Product.Service<JobQueue>().ListForObjectAsync("in_cus_pp1", default));
    }

    [Fact]
    public async Task InsufficientFundsIsNudgedNowAndLeftToStripesOwnRetry()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_pp2", "decline:insufficient_funds", "insufficient_funds", nextPaymentAttempt: "2026-11-13T09:00:00Z"));

        await world.FireAsync("invoice.payment_failed", "in_cus_pp2");

        var nudges = await world.NudgesAsync("cus_pp2");
        Assert.Equal(["email", "in_app"], nudges.Select(n => n.Nudge.Channel));
        Assert.All(nudges, n => Assert.Equal("payment_failed_insufficient_funds", WireName.Of(n.Nudge.Reason)));
        var hostedUrl = (await world.ObjectAsync("in_cus_pp2"))["hosted_invoice_url"]!.GetValue<string>();
        Assert.Equal(hostedUrl, nudges[0].Nudge.Link);

        // Stripe names its next attempt: Stripe's Smart Retries will charge the card then, so Leeway schedules no retry of
        // its own (two retries would charge the card twice as often as Stripe recommends) and never pays the invoice itself.
        Assert.Empty(await world.Product.Service<JobQueue>().ListForObjectAsync("in_cus_pp2", default));
        await world.AdvanceAsync(TimeSpan.FromDays(4), TimeSpan.FromHours(1));
        Assert.Empty(await world.RequestsAsync("POST", "/v1/invoices/in_cus_pp2/pay"));
        Assert.Empty(await world.Product.Service<JobQueue>().ListForObjectAsync("in_cus_pp2", default));
    }

    [Fact]
    public async Task AStripeSlowerThanTheDiagnosisDeadlineLeavesTheEventForLaterInsteadOfGuessingTheCause()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_pp9", "decline:insufficient_funds", "insufficient_funds", nextPaymentAttempt: "2026-11-13T09:00:00Z"),
            new Dictionary<string, string?> { ["Diagnostics:Deadlines:Stripe"] = "150" });
        // Every Stripe call answers, but slower than the diagnosis waits for Stripe: the diagnosis comes back without it.
        await world.PostAdminAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(), ["latency_ms"] = 400 });

        var eventId = await world.FireAsync("invoice.payment_failed", "in_cus_pp9");

        var waiting = await world.Product.Service<WebhookInbox>().StatusAsync(eventId, default);
        Assert.Equal("failed", waiting!.Status);
        Assert.NotNull(waiting.NextAttemptAt);
        Assert.Contains(nameof(PartialDiagnosisException), waiting.LastError, StringComparison.Ordinal);
        Assert.Empty(await world.NudgesAsync("cus_pp9"));
        Assert.Empty(await world.RequestsAsync("POST", "/v1/"));
        Assert.Empty(await world.Product.Service<JobQueue>().ListForObjectAsync("in_cus_pp9", default));

        // Stripe is quick again: the retry handles the event with the real cause (insufficient funds: a retry, not a new card).
        await world.PostAdminAsync("/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray() });
        await world.AdvanceAsync(TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1));

        Assert.Equal("processed", (await world.Product.Service<WebhookInbox>().StatusAsync(eventId, default))!.Status);
        Assert.All(await world.NudgesAsync("cus_pp9"), n => Assert.Equal("payment_failed_insufficient_funds", WireName.Of(n.Nudge.Reason)));
        Assert.Equal(2, (await world.NudgesAsync("cus_pp9")).Count);
        Assert.Empty(await world.RequestsAsync("POST", "/v1/checkout/sessions"));
        Assert.Empty(await world.Product.Service<JobQueue>().ListForObjectAsync("in_cus_pp9", default)); // Stripe retries it
    }

    [Fact]
    public async Task ACardThatKeepsDecliningIsRetriedOnlyWhileUnderRetryMaxAttempts()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_pp3", "decline:insufficient_funds", "insufficient_funds", attemptCount: 2),
            new Dictionary<string, string?> { ["Policy:Overrides:retry_max_attempts"] = "3" });

        await world.FireAsync("invoice.payment_failed", "in_cus_pp3");
        await world.AdvanceAsync(TimeSpan.FromDays(12), TimeSpan.FromHours(2));

        // Attempt 2 failed: one retry (attempt 3) after the back-off; then the policy's limit is reached.
        var pays = await world.RequestsAsync("POST", "/v1/invoices/in_cus_pp3/pay");
        Assert.Single(pays);
        Assert.Equal(402, pays[0]["status"]!.GetValue<int>());
        Assert.Equal(3, (await world.ObjectAsync("in_cus_pp3"))["attempt_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task AuthenticationRequiredGetsAnAuthenticationLinkAndNoOffSessionRetry()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.FailedRenewal("cus_pp4", "requires_authentication", "authentication_required"));

        await world.FireAsync("invoice.payment_action_required", "in_cus_pp4");
        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromHours(1));

        Assert.Single(await world.RequestsAsync("POST", "/v1/invoices/in_cus_pp4/send"));
        Assert.Empty(await world.RequestsAsync("POST", "/v1/invoices/in_cus_pp4/pay"));
        var email = (await world.NudgesAsync("cus_pp4")).Single(n => n.Nudge.Channel == NudgeChannel.Email);
        Assert.Equal("payment_failed_authentication_required", WireName.Of(email.Nudge.Reason));
        Assert.Equal((await world.ObjectAsync("in_cus_pp4"))["hosted_invoice_url"]!.GetValue<string>(), email.Nudge.Link);
        Assert.Contains("Confirm the payment here", email.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHighRiskCustomerGetsNoLinkNoRetryAndIsToldAPersonWillFollowUp()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_pp5", "decline:insufficient_funds", "insufficient_funds", risk: "high"));

        await world.FireAsync("invoice.payment_failed", "in_cus_pp5");
        await world.AdvanceAsync(TimeSpan.FromDays(3), TimeSpan.FromHours(1));

        Assert.Empty(await world.RequestsAsync("POST", "/v1/"));
        var email = (await world.NudgesAsync("cus_pp5")).Single(n => n.Nudge.Channel == NudgeChannel.Email);
        Assert.Equal((RootCause.PaymentBlockedRisk, null), (email.Nudge.Reason, email.Nudge.Link));
        Assert.Contains("A member of our billing team will contact you", email.Body, StringComparison.Ordinal);
        Assert.Empty(await world.Product.Service<JobQueue>().ListForObjectAsync("in_cus_pp5", default));
        var handed = Assert.Single(await world.Product.Service<ICaseStore>().ListForCustomerAsync("cus_pp5", default));
        Assert.Equal(("tier0", "payment_blocked_risk", "high"), (handed.Source, handed.Reason, handed.Risk));
        Assert.Equal(RootCause.PaymentBlockedRisk, handed.Packet.Diagnosis?.RootCause);
    }

    [Fact]
    public async Task ALateFailureEventAboutAPaidInvoiceDoesNothing()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_pp6", "succeed", "insufficient_funds", invoiceStatus: "paid"));

        await world.FireAsync("invoice.payment_failed", "in_cus_pp6");

        Assert.Empty(await world.NudgesAsync("cus_pp6"));
        Assert.Empty(await world.RequestsAsync("POST", "/v1/"));
    }

    [Fact]
    public async Task ARedeliveredEventActsOnce()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.FailedRenewal("cus_pp7", "decline:expired_card", "expired_card"));
        var eventId = await world.FireAsync("invoice.payment_failed", "in_cus_pp7");
        string payload;
        await using (var connection = await world.Product.Database.OpenAsync())
        {
            payload = await connection.ExecuteScalarAsync<string>("SELECT payload FROM prevent_inbox WHERE event_id = @eventId", new { eventId }) ?? "";
        }

        // The same event delivered again, freshly signed (as Stripe's retry of a delivery it thinks failed would be).
        world.Clock.Advance(TimeSpan.FromSeconds(30));
        using var again = await WebhookSigner.PostAsync(world.Product.Http, payload, WebhookSigner.Header(payload, world.Secret, world.Clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(WebhookIntake.Duplicate, (await again.Content.ReadFromJsonAsync<WebhookReceipt>())!.Status);
        Assert.Single(await world.RequestsAsync("POST", "/v1/checkout/sessions"));
        Assert.Equal(2, (await world.NudgesAsync("cus_pp7")).Count);
    }

    public void Dispose() => _folder.Dispose();

    private static string? Param(JsonObject request, string key) => request["params"]?[key]?.GetValue<string>();
}
