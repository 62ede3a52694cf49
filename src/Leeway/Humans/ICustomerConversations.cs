namespace Leeway.Humans;

/// <summary>
/// A customer's conversations with Lee: newest first, for the case page's billing timeline ("earlier conversations and
/// cases"), and one of them for a case's packet (<see cref="CaseDesk"/>). Agent implements it and registers it (Agent depends on Humans, never the reverse); without an
/// implementation the case page shows cases only.
/// </summary>
internal interface ICustomerConversations
{
    Task<IReadOnlyList<EarlierConversation>> ListAsync(string customerId, int max, CancellationToken ct);

    /// <summary>The customer's conversation <paramref name="conversationId"/> for a case's packet; null when it is not theirs.</summary>
    Task<CaseConversation?> GetAsync(string customerId, string conversationId, CancellationToken ct);
}

/// <summary>One conversation as a person reads it beside a case: where it happened, how it ended, what was said.</summary>
/// <param name="Channel">Where it was held: <c>chat</c>, <c>dashboard</c> (the billing page), <c>email</c>, …</param>
/// <param name="State">How it stands: open, resolved, self_serve, answered or escalated.</param>
/// <param name="CaseId">The case it was handed to, if it was.</param>
internal sealed record EarlierConversation(string Id, string Channel, string State, DateTimeOffset StartedAt, string? CaseId, IReadOnlyList<TranscriptLine> Messages);
