namespace Leeway.Policy;

internal sealed record SubscriptionFact(string Id, string Status, bool CancelAtPeriodEnd, string Currency);
