using Leeway.Humans;

namespace Leeway.Routing.Outbound;

/// <summary>Case events become <c>case.opened</c>, <c>case.updated</c> and <c>case.closed</c> for other systems.</summary>
// The case store is resolved when an event comes, not injected: the store holds its observers, this one among them.
internal sealed class CaseEventsOutbound(OutboundOutbox outbox, IServiceProvider services) : ICaseEventObserver
{
    public async Task OnRecordedAsync(CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        if (!outbox.AnyDestination)
        {
            return;
        }

        var type = caseEvent.Kind switch
        {
            CaseEventKind.Opened => OutboundEventTypes.CaseOpened,
            CaseEventKind.Closed => OutboundEventTypes.CaseClosed,
            _ => OutboundEventTypes.CaseUpdated,
        };
        var found = await services.GetRequiredService<ICaseStore>().GetAsync(caseEvent.CaseId, cancellationToken);
        var data = new
        {
            @case = found is null ? null : new { id = found.Id, customer = found.CustomerId, status = found.Status, risk = found.Risk, reason = found.Reason, source = found.Source, created_at = found.CreatedAt, closed_at = found.ClosedAt, resolution = found.Resolution },
            change = new { kind = caseEvent.Kind, actor = caseEvent.Actor, at = caseEvent.At, detail = caseEvent.Detail },
        };
        // The case event's own id: the same event seen by two hosts is one delivery.
        await outbox.EnqueueAsync($"evt_case_{caseEvent.Id}", type, data, cancellationToken);
    }
}
