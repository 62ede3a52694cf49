using Dapper;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Leeway.Tests.Storage;

namespace Leeway.Tests.Policy;

/// <summary>The gate's typed record on SQLite and on PostgreSQL: a pending row answered in place, every action type read back typed, found by audit entry.</summary>
public sealed class GateActionsOnBothDatabasesTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Records_round_trip_typed_and_a_pending_one_is_answered_in_place(string kind)
    {
        await using var testDatabase = await TestDatabase.CreateAsync(kind);
        using var database = new Database(testDatabase.ConnectionString);
        await using (var connection = await database.OpenAsync())
        {
            foreach (var statement in new PolicySchema().Statements(database.Dialect))
            {
                await connection.ExecuteAsync(statement);
            }
        }

        var store = new GateActions(database, new IdGenerator());
        BillingAction[] actions =
        [
            new RetryPayment("in_1", "pm_1"), new RefundCharge("ch_1", null, "duplicate"), new RegenerateLink("cs_old", null),
            new CardUpdateLink("cus_a"), new AuthenticatePayment("in_2"), new CancelSubscription("sub_1"), new ResumeSubscription("sub_1"),
            new CreditBalance("cus_a", 500, "eur", "goodwill"), new UseCard("cus_a", "pm_2"),
        ];
        Assert.Equal(Enum.GetValues<ActionType>().Order(), actions.Select(a => a.Type).Order());
        var written = new List<GateActionRecord>();
        for (var i = 0; i < actions.Length; i++)
        {
            var record = Record(store.NewId(), actions[i], At.AddMinutes(i), GateDecision.Allowed, auditEntry: 100 + i);
            await store.WriteAsync(record, default);
            written.Add(record);
        }

        var pending = Record(store.NewId(), new RetryPayment("in_3"), At.AddHours(1), GateDecision.Pending, auditEntry: null);
        await store.WriteAsync(pending, default);
        Assert.Equal(GateDecision.Pending, (await store.ListForCustomerAsync("cus_a", At.AddMinutes(30), default)).Single().Decision);
        var answered = pending with { Decision = GateDecision.Allowed, Succeeded = true, ResultObjectId = "in_3", ResultStatus = "paid", Amount = 2900, Currency = "usd", AuditEntryId = 200 };
        await store.WriteAsync(answered, default);

        var listed = await store.ListForCustomerAsync("cus_a", DateTimeOffset.UnixEpoch, default);
        Assert.Equal([answered, .. Enumerable.Reverse(written)], listed);
        Assert.Empty(await store.ListForCustomerAsync("cus_b", DateTimeOffset.UnixEpoch, default));
        var found = await store.FindByAuditEntriesAsync([101, 200, 999], default);
        Assert.Equal([101L, 200L], found.Keys.Order());
        Assert.Equal(new RefundCharge("ch_1", null, "duplicate"), found[101].Action);
    }

    private static GateActionRecord Record(string id, BillingAction action, DateTimeOffset at, GateDecision decision, long? auditEntry) =>
        new(id, at, "human:ana", "staff:ana", "cus_a", action, decision, GateRules.Allowed, "ok", decision == GateDecision.Allowed, null, null, null, null,
            $"leeway:{id}", $"case_1:{id}", "ana", auditEntry, null);
}
