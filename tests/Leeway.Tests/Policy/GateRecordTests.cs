using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;

namespace Leeway.Tests.Policy;

/// <summary>The gate's typed record (<see cref="GateActionRecord"/>): written with each audit entry, pending while Stripe is called, and told to observers.</summary>
public class GateRecordTests
{
    private static readonly Principal Customer = Principal.Customer("cus_a");

    [Fact]
    public async Task An_allowed_action_is_on_record_typed_with_its_audit_entry_and_was_pending_while_stripe_was_called()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddInvoice("in_1", attempts: 2, error: "card_declined");
        IReadOnlyList<GateActionRecord> duringCall = [];
        h.Billing.WhileCalled = async () => duringCall = await h.Actions.ListForCustomerAsync("cus_a", DateTimeOffset.UnixEpoch, default);

        var outcome = await h.Gate.ExecuteAsync(Actor.AgentLee, Customer, new RetryPayment("in_1"), "conv_1:turn_2", default);

        Assert.True(outcome.Allowed && outcome.Succeeded, outcome.Message);
        var pending = Assert.Single(duringCall);
        Assert.Equal((GateDecision.Pending, (long?)null), (pending.Decision, pending.AuditEntryId));
        var record = Assert.Single(await h.Actions.ListForCustomerAsync("cus_a", DateTimeOffset.UnixEpoch, default));
        Assert.Equal(pending.Id, record.Id);
        Assert.Equal((ActorKind.Lee, (string?)null, ActionType.RetryPayment, GateDecision.Allowed, true), (record.ActorKind, record.StaffId, record.Type, record.Decision, record.Succeeded));
        Assert.Equal(new RetryPayment("in_1"), record.Action);
        Assert.Equal((outcome.AuditEntryId, "conv_1:turn_2", "in_1", "paid"), (record.AuditEntryId, record.DecisionKey, record.ResultObjectId, record.ResultStatus));
        var entry = Assert.Single(await h.Audit.FindByIdempotencyKeyAsync(record.IdempotencyKey, default));
        Assert.Equal((entry.Seq, entry.Actor, entry.Customer), (record.AuditEntryId!.Value, record.Actor, record.CustomerId));
        Assert.True(record.Names("in_1"));
    }

    [Fact]
    public async Task A_refusal_keeps_the_action_as_asked_found_by_its_audit_entry()
    {
        using var h = await GateHarness.CreateAsync(new PolicySettings { RefundAutoMax = 1000 });
        h.AddCharge("ch_2", 1500, TimeSpan.FromDays(9));

        var outcome = await h.Gate.ExecuteAsync(Actor.Human("ana"), Principal.Staff("ana"), new RefundCharge("ch_2", 1200, "duplicate"), "case_1:act", default);

        Assert.False(outcome.Allowed);
        var found = await h.Actions.FindByAuditEntriesAsync([outcome.AuditEntryId!.Value], default);
        var record = found[outcome.AuditEntryId.Value];
        Assert.Equal((ActorKind.Human, "ana", GateDecision.Denied, outcome.Rule, false), (record.ActorKind, record.StaffId, record.Decision, record.Rule, record.Succeeded));
        Assert.Equal(new RefundCharge("ch_2", 1200, "duplicate"), record.Action);
        Assert.Equal("cus_a", record.CustomerId);
    }

    [Fact]
    public async Task A_repeated_decision_is_on_record_as_a_replay_of_the_first()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddCharge("ch_2", 1500, TimeSpan.FromDays(9));
        var first = await h.Gate.ExecuteAsync(Actor.Customer, Customer, new RefundCharge("ch_2", null, "duplicate"), "click_1", default);

        var again = await h.Gate.ExecuteAsync(Actor.Customer, Customer, new RefundCharge("ch_2", null, "duplicate"), "click_1", default);

        Assert.True(again.Replayed);
        var records = await h.Actions.ListForCustomerAsync("cus_a", DateTimeOffset.UnixEpoch, default);
        Assert.Equal(2, records.Count);
        Assert.Equal((again.AuditEntryId, first.AuditEntryId, true), (records[0].AuditEntryId, records[0].ReplayOf, records[0].Succeeded));
        Assert.Equal(ActorKind.Customer, records[0].ActorKind);
    }

    [Fact]
    public async Task Observers_are_told_of_each_decision_as_recorded_and_a_failing_one_changes_nothing()
    {
        using var h = await GateHarness.CreateAsync();
        h.AddCharge("ch_2", 1500, TimeSpan.FromDays(9));
        var told = new Told();
        h.Observers.Add(new Failing());
        h.Observers.Add(told);

        var outcome = await h.Gate.ExecuteAsync(Actor.Tier0, Customer, new RefundCharge("ch_2", null, "duplicate"), "evt_1", default);

        Assert.True(outcome.Succeeded, outcome.Message);
        var record = Assert.Single(told.Records);
        Assert.Equal((ActorKind.Tier0, GateDecision.Allowed, outcome.AuditEntryId), (record.ActorKind, record.Decision, record.AuditEntryId));
        Assert.Equal(record, Assert.Single(await h.Actions.ListForCustomerAsync("cus_a", DateTimeOffset.UnixEpoch, default)));
    }

    private sealed class Told : IGateObserver
    {
        public List<GateActionRecord> Records { get; } = [];

        public Task OnDecidedAsync(GateActionRecord record, CancellationToken cancellationToken)
        {
            Records.Add(record);
            return Task.CompletedTask;
        }
    }

    private sealed class Failing : IGateObserver
    {
        public Task OnDecidedAsync(GateActionRecord record, CancellationToken cancellationToken) => throw new InvalidOperationException("observer down");
    }
}
