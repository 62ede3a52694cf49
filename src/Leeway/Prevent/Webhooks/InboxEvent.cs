namespace Leeway.Prevent.Webhooks;

/// <summary>A verified Stripe event as the inbox keeps it: the raw payload plus what processing needs to find it again.</summary>
internal sealed record InboxEvent(
    string EventId,
    string Type,
    string? ObjectId,
    string? CustomerId,
    string Payload,
    DateTimeOffset StripeCreated);
