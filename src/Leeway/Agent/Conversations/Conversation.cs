namespace Leeway.Agent.Conversations;

/// <summary>A chat between one customer and Lee. <see cref="PendingOffers"/> are the actions Lee offered and awaits a yes for.</summary>
internal sealed record Conversation(
    string Id,
    string CustomerId,
    string Channel,
    string State,
    DateTimeOffset CreatedAt,
    int Clarifications,
    string? CaseId,
    IReadOnlyList<Offer> PendingOffers);

/// <summary>One message in a conversation: the customer's, Lee's, or a human's reply.</summary>
internal sealed record ConversationMessage(
    string ConversationId,
    int Seq,
    string From,
    string Text,
    DateTimeOffset At,
    string? Intent,
    double? Confidence);
