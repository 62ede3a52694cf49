namespace Leeway.Routing;

/// <summary>A contact to record, with the decision the router made for it.</summary>
/// <param name="CustomerId">Null when the sender is not a known customer (an email from an unknown address).</param>
/// <param name="ConversationId">Lee's conversation, when the contact is one; lets Lee find the contact again.</param>
internal sealed record NewContact(
    string Channel,
    string? CustomerId,
    bool Authenticated,
    string Plan,
    string Risk,
    string Intent,
    double Confidence,
    RoutingDecision Decision,
    string? ConversationId = null,
    string? CaseId = null)
{
    public static NewContact From(ContactFacts facts, string? customerId, RoutingDecision decision, string? conversationId = null) =>
        new(facts.Channel, customerId, facts.Authenticated, facts.Plan, facts.Risk, facts.Intent, facts.Confidence, decision, conversationId);
}
