using Leeway.Policy.Actions;
using Leeway.Policy.Rules;

namespace Leeway.Policy;

/// <summary>
/// One decision of the gate as a typed, queryable record: who acted, what on which customer and objects, the decision
/// and what Stripe confirmed. Written by the gate in the same step as its audit entry (and first as
/// <see cref="GateDecision.Pending"/> just before it calls Stripe). The audit log stays the tamper-evident account of
/// the same decision; this is the one other capabilities read (<see cref="IGateActions"/>) and are told of
/// (<see cref="IGateObserver"/>), so none of them parses audit JSON.
/// </summary>
/// <param name="Id">The record's id (<c>gact_…</c>).</param>
/// <param name="At">When the gate decided (UTC).</param>
/// <param name="Actor">The actor as audited: <c>agent-lee</c>, <c>tier0</c>, <c>customer</c> or <c>human:&lt;staff id&gt;</c>.</param>
/// <param name="Principal">On whose behalf (<c>customer:cus_…</c>, <c>staff:…</c>).</param>
/// <param name="CustomerId">The Stripe customer the decision concerned; null when the objects named were not found.</param>
/// <param name="Action">The action asked for, with its parameters.</param>
/// <param name="Rule">The rule that decided (<see cref="GateRules"/>).</param>
/// <param name="Succeeded">Stripe confirmed the action did what it was for (a replay carries the original's answer).</param>
/// <param name="Amount">The money in minor units of <paramref name="Currency"/>: what Stripe said the action came to (a
/// paid invoice's amount paid, a refund's amount), else what the decision would have moved.</param>
/// <param name="ResultObjectId">The Stripe object acted on or created (a new Checkout Session, a refund…).</param>
/// <param name="ResultStatus">Its status after the action, as Stripe said.</param>
/// <param name="IdempotencyKey">The key the gate derived from the decision (what Stripe saw).</param>
/// <param name="DecisionKey">The caller's origin of the decision: a conversation turn, an event id, a click id, a case.</param>
/// <param name="ApprovedBy">The staff id that approved what policy would otherwise refuse.</param>
/// <param name="AuditEntryId">The audit entry that records the same decision (null while pending).</param>
/// <param name="ReplayOf">The audit entry of the earlier, identical decision this one replayed (nothing was done twice).</param>
internal sealed record GateActionRecord(
    string Id,
    DateTimeOffset At,
    string Actor,
    string Principal,
    string? CustomerId,
    BillingAction Action,
    GateDecision Decision,
    string Rule,
    string Message,
    bool Succeeded,
    long? Amount,
    string? Currency,
    string? ResultObjectId,
    string? ResultStatus,
    string IdempotencyKey,
    string DecisionKey,
    string? ApprovedBy,
    long? AuditEntryId,
    long? ReplayOf)
{
    public ActionType Type => Action.Type;

    public ActorKind ActorKind => Policy.Actor.KindOf(Actor);

    /// <summary>The staff member's id when a person acted.</summary>
    public string? StaffId => new Actor(Actor).StaffId;

    /// <summary>Whether the decision names <paramref name="objectId"/>: one of the action's objects, or the object it acted on or made.</summary>
    public bool Names(string objectId) => ResultObjectId == objectId || Action.ObjectIds.Contains(objectId, StringComparer.Ordinal);
}
