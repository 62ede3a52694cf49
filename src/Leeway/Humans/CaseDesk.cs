using Leeway.Billing;
using Leeway.Knowledge;
using Leeway.Policy;
using Leeway.Storage;

namespace Leeway.Humans;

/// <summary>
/// The use cases on a case, in one place: Lee, the meter, Tier 0 and the contact API open cases here, and the case API and
/// the console work them here. Opening builds the handoff packet (the only place one is made, apart from merging two):
/// the conversation's transcript, the diagnosis, every action tried as the gate recorded it, and a summary, the same
/// whichever tier opens the case.
/// </summary>
internal sealed partial class CaseDesk(
    CaseStore store,
    ICaseEvents events,
    IStaffDirectory staff,
    IKnowledgeBase knowledge,
    IBillingReader billing,
    IGateActions gateActions,
    TimeProvider time,
    IGate? gate = null,
    ICustomerConversations? conversations = null)
{
    /// <summary>How far back the gate's record is read for a case without a conversation (or with a newer one).</summary>
    public static readonly TimeSpan ActionsLookBack = TimeSpan.FromDays(30);

    /// <summary>
    /// Opens the case (or joins the customer's open case of the same conversation or problem, <see cref="ICaseStore.OpenAsync"/>)
    /// with its whole context.
    /// </summary>
    public async Task<Case> OpenWithContextAsync(CaseOpening opening, CancellationToken cancellationToken)
    {
        var conversation = opening.ConversationId is { } conversationId && conversations is not null
            ? await conversations.GetAsync(opening.CustomerId, conversationId, cancellationToken)
            : null;
        var transcript = (conversation?.Transcript ?? []).Concat(opening.Lines ?? []).Distinct().OrderBy(l => l.At).ToList();
        var since = time.GetUtcNow() - ActionsLookBack;
        if (conversation is not null && conversation.StartedAt < since)
        {
            since = conversation.StartedAt;
        }

        var actions = await ActionsTriedAsync(opening.CustomerId, since, (opening.Outcomes ?? []).Concat(conversation?.Actions ?? []).Distinct().ToList(), cancellationToken);
        var diagnosis = opening.Diagnosis;
        var summary = $"{opening.Why.Trim()} Diagnosis: {(diagnosis is null ? "unavailable" : $"{WireName.Of(diagnosis.RootCause)} ({diagnosis.Status}), recommended {WireName.Of(diagnosis.RecommendedAction)}")}. "
            + $"Actions tried: {actions.Count}. Transcript lines: {transcript.Count}.";
        return await store.OpenAsync(
            opening.CustomerId,
            opening.Reason,
            opening.Source,
            opening.Risk,
            new HandoffPacket(opening.ConversationId, transcript, diagnosis, actions, summary),
            cancellationToken,
            opening.Problem);
    }

    public Task<Case?> GetAsync(string caseId, CancellationToken cancellationToken) => store.GetAsync(caseId, cancellationToken);

    /// <summary>The customer's cases, newest first.</summary>
    public Task<IReadOnlyList<Case>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        store.ListForCustomerAsync(customerId, cancellationToken);

    /// <summary>A later line on a case a person has: the customer's, or Lee's while it keeps serving (the customer sees both).</summary>
    public Task<Case?> AddLineAsync(string caseId, TranscriptLine line, CancellationToken cancellationToken) =>
        store.AddTranscriptLineAsync(caseId, line, cancellationToken);

    /// <summary>An action tried on a case a person has (by Lee after the handoff, or by staff through the gate).</summary>
    public Task<Case?> AddActionAsync(string caseId, string actor, GateOutcome outcome, CancellationToken cancellationToken) =>
        store.AddActionAsync(caseId, actor, outcome, cancellationToken);

    /// <summary>The packet's diagnosis made current (what a person reads is the customer's billing now). Null when there is no such case.</summary>
    public Task<Case?> RefreshDiagnosisAsync(string caseId, Diagnostics.Diagnosis diagnosis, CancellationToken cancellationToken) =>
        store.RefreshDiagnosisAsync(caseId, diagnosis, cancellationToken);

    /// <summary>
    /// Every action tried for the customer since <paramref name="since"/>, oldest first, from the gate's typed record; where the
    /// opener or the conversation holds the gate's own answer for the same audit entry (a refusal a person may grant, a link),
    /// that answer, and then what they hold that the record does not (an action sent and unanswered when a turn ran out of time).
    /// </summary>
    private async Task<IReadOnlyList<GateOutcome>> ActionsTriedAsync(string customerId, DateTimeOffset since, IReadOnlyList<GateOutcome> held, CancellationToken cancellationToken)
    {
        var records = (await gateActions.ListForCustomerAsync(customerId, since, cancellationToken)).OrderBy(r => r.At).ToList();
        var answers = held.Where(o => o.AuditEntryId is not null).GroupBy(o => o.AuditEntryId!.Value).ToDictionary(g => g.Key, g => g.First());
        var onRecord = records.Where(r => r.AuditEntryId is not null).Select(r => r.AuditEntryId!.Value).ToHashSet();
        var actions = records.Select(r => r.AuditEntryId is { } entry && answers.TryGetValue(entry, out var answer) ? answer : Outcome(r)).ToList();
        actions.AddRange(held.Where(o => o.AuditEntryId is not { } entry || !onRecord.Contains(entry)));
        return actions;
    }

    /// <summary>A decision of the gate's record as the packet shows it. Whether a person may grant a refusal is the gate's
    /// answer, not on the record: a refusal read from the record alone is not offered for approval; an error always is.</summary>
    private static GateOutcome Outcome(GateActionRecord record) => new(
        record.Type,
        record.Decision is GateDecision.Pending or GateDecision.Allowed,
        record.Rule,
        record.Message,
        record.Succeeded,
        record.Decision is GateDecision.Error,
        record.ResultObjectId is null && record.Amount is null
            ? null
            : new ActionResult(record.ResultObjectId ?? "", record.ResultStatus, null, record.Amount, record.Currency, null, null),
        record.AuditEntryId,
        record.ReplayOf is not null);
}
