namespace Leeway.Policy.Facts;

internal sealed record SubscriptionFact(string Id, string Status, bool CancelAtPeriodEnd, string Currency)
{
    /// <summary>The subscription's own card, which Stripe charges before the customer's default.</summary>
    public string? DefaultPaymentMethodId { get; init; }
}
