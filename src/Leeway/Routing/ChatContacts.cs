using Leeway.Agent;

namespace Leeway.Routing;

/// <summary>
/// Lee's conversations in the contact log, from the chat API and the dashboard's chat alike: the first message routes
/// and records the contact (linked to the conversation), every reply records its latency, and every new outcome of
/// the conversation records the contact's outcome (escalated with its case, at Tier 3).
/// </summary>
internal sealed class ChatContacts(IContactRouter router, IContactLog log, TimeProvider time) : IConversationObserver
{
    public async Task OnTurnHandledAsync(HandledTurn turn, CancellationToken cancellationToken)
    {
        var (contact, created) = await ContactForAsync(turn, cancellationToken);
        await log.RecordReplyAsync(contact.Id, turn.Elapsed, cancellationToken);

        var state = turn.Reply.State;
        // Only a change is an outcome: a second answered question does not end the contact twice.
        if (state != ConversationState.Open && (created || state != turn.Before.State))
        {
            await log.RecordOutcomeAsync(contact.Id, state, state == ConversationState.Escalated ? Tier.Human : Tier.Agent, turn.Reply.CaseId, cancellationToken);
        }
    }

    private async Task<(Contact Contact, bool Created)> ContactForAsync(HandledTurn turn, CancellationToken cancellationToken)
    {
        var conversation = turn.Before;
        // A conversation the page handed to a person may have its contact under the case (a fix tried, then a person asked for).
        var existing = await log.FindByConversationAsync(conversation.Id, cancellationToken)
            ?? (conversation.CaseId is { } caseId ? await log.FindByCaseAsync(caseId, cancellationToken) : null);
        if (existing is not null
            && (conversation.State == ConversationState.Escalated || (existing.OutcomeAt ?? existing.DecidedAt) > time.GetUtcNow() - ContactSession.Gap))
        {
            return (existing, false);
        }

        var facts = new ContactFacts(
            conversation.Channel == ContactChannel.Dashboard ? ContactChannel.Dashboard : ContactChannel.Chat,
            turn.Understanding.Intent,
            turn.Understanding.Confidence,
            Authenticated: true,
            turn.Billing?.Plan ?? "free",
            turn.Billing?.Risk ?? "normal",
            turn.Diagnosis?.SelfServeEligible);
        var decision = router.Route(facts);
        return (await log.RecordContactAsync(NewContact.From(facts, conversation.CustomerId, decision, conversation.Id), cancellationToken), true);
    }
}
