using Dapper;
using Leeway.Audit;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Facts;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Leeway.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Policy;

/// <summary>
/// A database from before <c>gate_actions</c>: the gate's decisions are only in the audit log. At start the migrator
/// rebuilds their typed records from the entries, the same records the gate writes, once; on SQLite and PostgreSQL.
/// </summary>
public sealed class GateActionsBackfillTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Gate_decisions_only_in_the_audit_log_get_their_typed_records_at_start_and_a_second_start_adds_nothing(string kind)
    {
        await using var testDatabase = await TestDatabase.CreateAsync(kind);
        using var database = new Database(testDatabase.ConnectionString);
        var time = new FakeTimeProvider(GateHarness.Start);
        await MigrateAsync(database, time, withBackfill: false);

        // Real decisions of the real gate: a retry Lee made, a refund a person was refused, a customer's refund and its replay.
        var billing = new InMemoryBilling("cus_a", time);
        billing.Invoices["in_1"] = new InvoiceFact("in_1", "open", 2, 2900, "usd", "card_declined", "pm_default", "https://invoice.example/in_1");
        billing.Charges.Add(new ChargeFact("ch_2", 1500, 0, "usd", "succeeded", time.GetUtcNow() - TimeSpan.FromDays(9), []));
        billing.Charges.Add(new ChargeFact("ch_3", 700, 0, "usd", "succeeded", time.GetUtcNow() - TimeSpan.FromDays(2), []));
        var actions = new GateActions(database, new IdGenerator());
        var gate = new Gate(billing, billing, new FixedPolicy(new PolicySettings { RefundAutoMax = 1000 }), new SqlAuditLog(database, time), actions, [],
            new CustomerLocks(), time, NullLogger<Gate>.Instance);
        var customer = Principal.Customer("cus_a");
        Assert.True((await gate.ExecuteAsync(Actor.AgentLee, customer, new RetryPayment("in_1"), "conv_1:1", default)).Succeeded);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False((await gate.ExecuteAsync(Actor.Human("ana"), Principal.Staff("ana"), new RefundCharge("ch_2", 1200, "duplicate"), "case_1:act", default)).Allowed);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.True((await gate.ExecuteAsync(Actor.Customer, customer, new RefundCharge("ch_3", null, "duplicate"), "click_1", default)).Succeeded);
        Assert.True((await gate.ExecuteAsync(Actor.Customer, customer, new RefundCharge("ch_3", null, "duplicate"), "click_1", default)).Replayed);
        var written = (await actions.ListForCustomerAsync("cus_a", DateTimeOffset.UnixEpoch, default)).ToDictionary(r => r.AuditEntryId!.Value);
        Assert.Equal(4, written.Count);
        Assert.Contains(written.Values, r => r.ReplayOf is not null);

        // What an older version leaves: no gate_actions table, and in the log an entry that is no gate action and one whose payload is broken.
        await using (var connection = await database.OpenAsync())
        {
            await connection.ExecuteAsync("DROP TABLE gate_actions");
        }

        var audit = new SqlAuditLog(database, time);
        await audit.AppendAsync(new AuditRecord("tier0", "service:leeway", null, "export_report", "{}", "none", AuditDecision.Allowed), default);
        await audit.AppendAsync(new AuditRecord("tier0", "customer:cus_a", "cus_a", WireName.Of(ActionType.Refund), "{\"decision_key\":\"evt_9\"}", GateRules.Allowed, AuditDecision.Allowed), default);

        await MigrateAsync(database, time, withBackfill: true);

        var rebuilt = await actions.FindByAuditEntriesAsync(written.Keys, default);
        Assert.Equal(written.Keys.Order(), rebuilt.Keys.Order());
        foreach (var (seq, original) in written)
        {
            // The same record the gate wrote, field for field; only its id is the entry's.
            Assert.Equal(original with { Id = $"gact_audit_{seq}" }, rebuilt[seq]);
        }

        Assert.Equal(4, await CountAsync(database));

        // Started again: nothing more; even with its run forgotten, a rebuild adds no record twice.
        await MigrateAsync(database, time, withBackfill: true);
        Assert.Equal(4, await CountAsync(database));
        await using (var connection = await database.OpenAsync())
        {
            Assert.Equal(1, await connection.ExecuteAsync("DELETE FROM schema_migrations WHERE name = 'policy.gate_actions_from_audit'"));
        }

        await MigrateAsync(database, time, withBackfill: true);
        Assert.Equal(4, await CountAsync(database));
    }

    [Fact]
    public async Task A_database_the_gate_kept_records_in_loses_none_and_gains_none()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddInvoice("in_1", attempts: 2, error: "card_declined");
        var outcome = await h.Gate.ExecuteAsync(Actor.Tier0, Principal.Customer("cus_a"), new RetryPayment("in_1"), "job_1", default);
        var before = Assert.Single(await h.Actions.ListForCustomerAsync("cus_a", DateTimeOffset.UnixEpoch, default));

        await MigrateAsync(h.Database.Database, h.Time, withBackfill: true);

        Assert.Equal(before, Assert.Single(await h.Actions.ListForCustomerAsync("cus_a", DateTimeOffset.UnixEpoch, default)));
        Assert.Equal(outcome.AuditEntryId, before.AuditEntryId);
    }

    private static Task MigrateAsync(Database database, TimeProvider time, bool withBackfill) =>
        new SchemaMigrator(
            database,
            [new AuditSchema(), new PolicySchema()],
            NullLogger<SchemaMigrator>.Instance,
            withBackfill ? [new GateActionsBackfill(NullLogger<GateActionsBackfill>.Instance)] : [],
            time).StartAsync(CancellationToken.None);

    private static async Task<long> CountAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM gate_actions");
    }
}
