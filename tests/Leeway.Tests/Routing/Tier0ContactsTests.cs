using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.Routing;
using Leeway.Tests.Observability;
using Leeway.Tests.Prevent;

namespace Leeway.Tests.Routing;

/// <summary>
/// Tier 0 in the contact log: the nudges that went out and the failed invoice Tier 0's retry collected, end to end
/// (the sandbox fires the webhooks, the clock moves), then <c>/metrics</c> and <c>leeway report cost</c> over that data.
/// </summary>
[Collection(nameof(ConsoleOutput))]
public sealed class Tier0ContactsTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Fact]
    public async Task Nudges_sent_and_the_payment_Stripe_recovered_after_them_are_recorded_counted_and_reported_by_report_cost()
    {
        await using (var world = await Tier0World.StartAsync(_folder, Worlds.Now,
            Worlds.FailedRenewal("cus_ops_t0", "decline:insufficient_funds", "insufficient_funds", nextPaymentAttempt: "2026-11-13T09:00:00Z")))
        {
            var log = world.Product.Service<IContactLog>();

            await world.FireAsync("invoice.payment_failed", "in_cus_ops_t0");

            // One Tier 0 contact per nudge that went out: the in-app one at once, the e-mail once the mail server took it.
            var nudges = await EntryPointContactsTests.EventuallyAsync(() => log.TallyAsync(Worlds.Now.AddDays(-1), Worlds.Now.AddDays(1), default), t => t.Sum(x => x.Contacts) >= 2);
            var prevent = Assert.Single(nudges);
            Assert.Equal((ContactChannel.Prevent, Tier.Prevent, "payment_failed_insufficient_funds", ContactOutcome.Prevented, 2L),
                (prevent.Channel, prevent.FinishedTier, prevent.Intent, prevent.Outcome, prevent.Contacts));

            // Funds are back; Stripe's own next attempt (Smart Retries: Tier 0 no longer retries an invoice Stripe will
            // retry) pays the invoice; invoice.paid makes it a recovery, credited to the nudges that went out.
            await world.PostAdminAsync("/_sandbox/payment_methods/pm_cus_ops_t0/on_charge", new JsonObject { ["on_charge"] = "succeed" });
            await world.AdvanceAsync(TimeSpan.FromDays(3) + TimeSpan.FromHours(1));
            Assert.Equal("paid", (await world.ObjectAsync("in_cus_ops_t0"))["status"]!.GetValue<string>());

            var recovered = await EntryPointContactsTests.EventuallyAsync(() => log.RecoveriesAsync(Worlds.Now, Worlds.Now.AddDays(10), default), r => r.Count > 0);
            var recovery = Assert.Single(recovered);
            Assert.Equal(("nudge", "usd", 4900L, 1L), (recovery.Via, recovery.Currency, recovery.Amount, recovery.Payments));

            // Redelivered: still one recovery.
            await world.FireAsync("invoice.paid", "in_cus_ops_t0");
            Assert.Single(await log.RecoveriesAsync(Worlds.Now, Worlds.Now.AddDays(10), default));

            var metrics = (await world.Product.Http.GetStringAsync("/metrics")).Split('\n');
            Assert.Contains(metrics, l => l.StartsWith("leeway_nudges_sent_total{", StringComparison.Ordinal) && l.Contains("channel=\"email\"", StringComparison.Ordinal));
            Assert.Contains(metrics, l => l.StartsWith("leeway_nudges_sent_total{", StringComparison.Ordinal) && l.Contains("channel=\"in_app\"", StringComparison.Ordinal));
            Assert.Contains(metrics, l => l.StartsWith("leeway_payments_recovered_amount_total{", StringComparison.Ordinal) && l.Contains("via=\"nudge\"", StringComparison.Ordinal) && l.EndsWith(" 4900", StringComparison.Ordinal));
        }

        var (exit, output) = await CommandsTests.RunAsync("report", "cost", "--data", _folder.Path, "--from", "2026-11-01", "--to", "2026-11-30", "--json");

        Assert.True(exit == 0, output);
        using var table = JsonDocument.Parse(output);
        var tier0 = table.RootElement.GetProperty("rows")[Tier.Prevent];
        Assert.Equal((2L, 1.0), (tier0.GetProperty("volume").GetInt64(), tier0.GetProperty("mix").GetDouble()));
        var recoveredRow = table.RootElement.GetProperty("recovered")[0];
        Assert.Equal((4900L, 4900L), (recoveredRow.GetProperty("amount").GetInt64(), recoveredRow.GetProperty("by_via").GetProperty("nudge").GetInt64()));
    }

    [Fact]
    public async Task A_payment_link_Tier_0_renewed_and_the_customer_paid_is_a_recovered_payment_credited_to_the_nudge()
    {
        await using var world = await Tier0World.StartAsync(_folder, Worlds.Now, Worlds.ExpiredCheckout("cus_ops_link"));
        var log = world.Product.Service<IContactLog>();
        await world.FireAsync("checkout.session.expired", "cs_cus_ops_link");
        var renewed = (await world.RequestsAsync("POST", "/v1/checkout/sessions")).Single()["object_id"]!.GetValue<string>();

        // No invoice behind this link: before, only invoice.paid counted recoveries, so this payment was never counted.
        await world.PostAdminAsync($"/_sandbox/checkout/sessions/{renewed}/complete", new JsonObject { ["payment_method"] = "pm_cus_ops_link_wallet" });
        await world.DrainAsync();

        var paid = await world.ObjectAsync(renewed);
        var recovery = Assert.Single(await EntryPointContactsTests.EventuallyAsync(() => log.RecoveriesAsync(Worlds.Now.AddDays(-1), Worlds.Now.AddDays(10), default), r => r.Count > 0));
        Assert.Equal(("nudge", paid["currency"]!.GetValue<string>(), paid["amount_total"]!.GetValue<long>(), 1L), (recovery.Via, recovery.Currency, recovery.Amount, recovery.Payments));
        Assert.True(recovery.Amount > 0);

        // Stripe tells it again: still one recovery.
        await world.FireAsync("checkout.session.completed", renewed);
        Assert.Single(await log.RecoveriesAsync(Worlds.Now.AddDays(-1), Worlds.Now.AddDays(10), default));
    }

    public void Dispose() => _folder.Dispose();
}
