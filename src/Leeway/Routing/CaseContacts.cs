using Leeway.Agent.Understanding;
using Leeway.Humans;

namespace Leeway.Routing;

/// <summary>
/// Cases in the contact log. A case the dashboard opens (the customer asked for a person, or a fix a person could grant
/// was refused) escalates the customer's contact of this visit, or is a new Tier 3 contact when there is none; a
/// person closing a case that came from a contact settles that contact at Tier 3. Cases Lee opens are recorded by
/// <see cref="ChatContacts"/>, cases from email by the contacts API; Tier 0's own cases are not contacts.
/// </summary>
internal sealed class CaseContacts(IContactRouter router, IContactLog log, IServiceProvider services, TimeProvider time) : ICaseEventObserver
{
    public async Task OnRecordedAsync(CaseEvent caseEvent, CancellationToken cancellationToken)
    {
        if (caseEvent.Kind == CaseEventKind.Opened && caseEvent.Actor == CaseSources.Dashboard)
        {
            await OpenedFromDashboardAsync(caseEvent.CaseId, cancellationToken);
        }
        else if (caseEvent.Kind == CaseEventKind.Closed && await log.FindByCaseAsync(caseEvent.CaseId, cancellationToken) is { } contact)
        {
            await log.RecordOutcomeAsync(contact.Id, ContactOutcome.Resolved, Tier.Human, caseEvent.CaseId, cancellationToken);
        }
    }

    private async Task OpenedFromDashboardAsync(string caseId, CancellationToken cancellationToken)
    {
        // Resolved here, not injected: the case store tells its observers, so an observer cannot be built with it.
        if (await services.GetRequiredService<ICaseStore>().GetAsync(caseId, cancellationToken) is not { } opened)
        {
            return;
        }

        var recent = await log.LatestForCustomerAsync(opened.CustomerId, ContactChannel.Dashboard, time.GetUtcNow() - ContactSession.Gap, cancellationToken);
        var contact = recent is not null && recent.Outcome != ContactOutcome.Escalated ? recent : null;
        if (contact is null)
        {
            // Straight to a person: the routing table's first row, recorded like any other decision.
            var facts = new ContactFacts(ContactChannel.Dashboard, Intent.TalkToHuman, Confidence: 1, Authenticated: true, Plan: "unknown", opened.Risk, SelfServeEligible: null);
            contact = await log.RecordContactAsync(
                NewContact.From(facts, opened.CustomerId, router.Route(facts), opened.Packet.ConversationId) with { CaseId = caseId },
                cancellationToken);
        }

        await log.RecordOutcomeAsync(contact.Id, ContactOutcome.Escalated, Tier.Human, caseId, cancellationToken);
    }
}
