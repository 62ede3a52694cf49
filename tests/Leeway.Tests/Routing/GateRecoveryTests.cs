using System.Text.Json.Nodes;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Leeway.Routing;
using Leeway.Tests.Prevent;
using Leeway.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Routing;

/// <summary>
/// A recovered payment credited from the gate's typed record, end to end: the real gate acts on the sandbox, Stripe pays
/// the invoice at its next attempt and sends <c>invoice.paid</c> as a signed webhook, Routing credits the recovery. On
/// SQLite and PostgreSQL.
/// </summary>
public sealed class GateRecoveryTests : IDisposable
{
    private readonly TestFolder _folder = new();

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_recovery_is_credited_to_the_newest_action_that_could_have_brought_it_about(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await StartAsync(database, "cus_rg_new");
        var gate = world.Product.Service<IGate>();

        // Tier 0 sent a card-update link, then a person sent another: the person's is the newer.
        Assert.True((await gate.ExecuteAsync(Actor.Tier0, Principal.Customer("cus_rg_new"), new CardUpdateLink("cus_rg_new"), "evt_rg_1", default)).Succeeded);
        await world.AdvanceAsync(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        Assert.True((await gate.ExecuteAsync(Actor.Human("ana"), Principal.Staff("ana"), new CardUpdateLink("cus_rg_new"), "case_rg:1", default)).Succeeded);

        var recovery = await PaidAtNextAttemptAsync(world, "cus_rg_new");

        Assert.Equal(("link", 4900L, "usd", 1L), (recovery.Via, recovery.Amount, recovery.Currency, recovery.Payments));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Invoice_paid_while_the_gates_retry_is_in_flight_is_credited_to_that_retry_once_and_its_answer_adds_none(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await StartAsync(database, "cus_rg_fly");
        var records = world.Product.Service<GateActions>();

        // The gate puts the customer's one-click retry on record as pending, then calls Stripe; Stripe's invoice.paid
        // arrives before the gate has the answer (as it can: the webhook and the API response race).
        var pending = new GateActionRecord(
            records.NewId(), world.Clock.GetUtcNow(), Actor.Customer.Name, Principal.Customer("cus_rg_fly").ToString(), "cus_rg_fly",
            new RetryPayment("in_cus_rg_fly"), GateDecision.Pending, GateRules.Allowed, "", false, 4900, "usd", null, null,
            "leeway:rg_fly", "click_rg_fly", null, null, null);
        await records.WriteAsync(pending, default);

        var recovery = await PaidAtNextAttemptAsync(world, "cus_rg_fly");
        Assert.Equal(("dashboard", 4900L, 1L), (recovery.Via, recovery.Amount, recovery.Payments));

        // The gate's answer lands in place and its observers hear of it: the payment was credited already, once.
        var answered = pending with { Decision = GateDecision.Allowed, Succeeded = true, ResultObjectId = "in_cus_rg_fly", ResultStatus = "paid", AuditEntryId = 1 };
        await records.WriteAsync(answered, default);
        foreach (var observer in world.Product.App.Services.GetServices<IGateObserver>())
        {
            await observer.OnDecidedAsync(answered, default);
        }

        await world.FireAsync("invoice.paid", "in_cus_rg_fly");
        var all = await world.Product.Service<IContactLog>().RecoveriesAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, default);
        Assert.Equal(("dashboard", 4900L, 1L), (Assert.Single(all).Via, all[0].Amount, all[0].Payments));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_pending_action_the_gate_never_answered_is_not_credited_with_a_payment_long_after(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        await using var world = await StartAsync(database, "cus_rg_old", nextAttempt: "2026-11-10T09:30:00Z");
        var records = world.Product.Service<GateActions>();
        await records.WriteAsync(new GateActionRecord(
            records.NewId(), world.Clock.GetUtcNow(), Actor.Customer.Name, Principal.Customer("cus_rg_old").ToString(), "cus_rg_old",
            new RetryPayment("in_cus_rg_old"), GateDecision.Pending, GateRules.Allowed, "", false, 4900, "usd", null, null,
            "leeway:rg_old", "click_rg_old", null, null, null), default);

        // Stripe's own retry pays it half an hour later: a gate that never answered did not do it.
        var recovery = await PaidAtNextAttemptAsync(world, "cus_rg_old", TimeSpan.FromMinutes(31));

        Assert.Equal(("retry", 4900L), (recovery.Via, recovery.Amount));
    }

    public void Dispose() => _folder.Dispose();

    private Task<Tier0World> StartAsync(TestDatabase database, string customer, string nextAttempt = "2026-11-10T09:02:00Z") =>
        Tier0World.StartAsync(
            _folder,
            Worlds.Now,
            Worlds.FailedRenewal(customer, "succeed", "insufficient_funds", nextPaymentAttempt: nextAttempt),
            new Dictionary<string, string?> { ["Storage:ConnectionString"] = database.ConnectionString });

    /// <summary>Stripe's next attempt (the card works now) pays the invoice; its <c>invoice.paid</c> webhook is handled.</summary>
    private static async Task<RecoveryTally> PaidAtNextAttemptAsync(Tier0World world, string customer, TimeSpan? by = null)
    {
        await world.AdvanceAsync(by ?? TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1));
        Assert.Equal("paid", (await world.ObjectAsync($"in_{customer}"))["status"]!.GetValue<string>());
        var recovered = await EntryPointContactsTests.EventuallyAsync(
            () => world.Product.Service<IContactLog>().RecoveriesAsync(DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue, default), r => r.Count > 0);
        return Assert.Single(recovered);
    }
}
