using Leeway.Agent.Understanding;
using Leeway.SelfHeal;

namespace Leeway.Routing;

/// <summary>
/// The Billing Health Meter's one-click fixes in the contact log: a fix clicked is a dashboard contact (the fixes tried
/// in one visit are one contact), settled at Tier 1 when the fix worked. A case the page then opens escalates it
/// (<see cref="CaseContacts"/>). Also the page's effort survey about the chat with Lee.
/// </summary>
internal sealed class DashboardContacts(IContactRouter router, IContactLog log, TimeProvider time) : IMeterObserver
{
    public async Task OnFixAsync(FixAttempt attempt, CancellationToken cancellationToken)
    {
        var recent = await log.LatestForCustomerAsync(attempt.CustomerId, ContactChannel.Dashboard, time.GetUtcNow() - ContactSession.Gap, cancellationToken);
        var contact = recent is { Outcome: null, ConversationId: null } ? recent : await RecordAsync(attempt, cancellationToken);
        if (attempt.Outcome is { Allowed: true, Succeeded: true })
        {
            // A link fix hands the customer Stripe's page: the self-serve outcome. Retry and refund are done on the spot.
            var outcome = attempt.Fix.OpensLink ? ContactOutcome.SelfServe : ContactOutcome.Resolved;
            await log.RecordOutcomeAsync(contact.Id, outcome, Tier.SelfHeal, null, cancellationToken);
        }
    }

    public async Task OnSurveyAsync(string customerId, string conversationId, int score, CancellationToken cancellationToken)
    {
        if (await log.FindByConversationAsync(conversationId, cancellationToken) is { } contact)
        {
            // Answered twice (two tabs): the log keeps the first, as the survey API does.
            await log.RecordSurveyAsync(contact.Id, customerId, score, cancellationToken);
        }
    }

    /// <summary>What the customer came to fix, in the classifier's terms, so the routing table and the intent mix read it like a chat.</summary>
    public static string IntentOf(FixKind fixKind) => fixKind switch
    {
        FixKind.RetryPayment => Intent.RetryPayment,
        FixKind.CardUpdateLink => Intent.UpdateCard,
        FixKind.AuthenticatePayment => Intent.PaymentFailed,
        FixKind.RegenerateLink => Intent.PaymentLink,
        FixKind.RefundDuplicate => Intent.DuplicateCharge,
    };

    private Task<Contact> RecordAsync(FixAttempt attempt, CancellationToken cancellationToken)
    {
        // The customer chose the fix themselves: as sure as an intent gets.
        var facts = new ContactFacts(
            ContactChannel.Dashboard,
            IntentOf(attempt.Fix.Kind),
            Confidence: 1,
            Authenticated: true,
            attempt.Billing?.Plan ?? "free",
            attempt.Billing?.Risk ?? "normal",
            attempt.Diagnosis.SelfServeEligible);
        return log.RecordContactAsync(NewContact.From(facts, attempt.CustomerId, router.Route(facts)), cancellationToken);
    }
}
