using Stripe;

namespace Leeway.Prevent.Webhooks;

/// <summary>
/// One verified Stripe event as a handler sees it. Handlers use <see cref="ObjectId"/> to read the object's current
/// state from Stripe rather than trusting the payload: events arrive out of order and late.
/// </summary>
internal sealed record WebhookEvent(string Id, string Type, string? ObjectId, string? CustomerId, DateTimeOffset Created, Event Event);
