using Leeway.Agent;

namespace Leeway.Routing.Outbound;

/// <summary>A conversation Lee hands to a person becomes <c>conversation.escalated</c> for other systems.</summary>
internal sealed class EscalationsOutbound(OutboundOutbox outbox) : IConversationObserver
{
    public async Task OnTurnHandledAsync(HandledTurn turn, CancellationToken cancellationToken)
    {
        if (!outbox.AnyDestination || turn.Reply.State != ConversationState.Escalated || turn.Before.State == ConversationState.Escalated)
        {
            return;
        }

        var data = new { conversation_id = turn.Reply.ConversationId, customer = turn.Before.CustomerId, case_id = turn.Reply.CaseId, turn = turn.Reply.Turn };
        await outbox.EnqueueAsync($"evt_esc_{turn.Reply.ConversationId}_{turn.Reply.Turn}", OutboundEventTypes.ConversationEscalated, data, cancellationToken);
    }
}
