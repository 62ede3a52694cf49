namespace Leeway.Diagnostics.Rules;

/// <summary>
/// <c>card_expiring_soon</c>: the default card stops working (after the last day of its expiry month) before the next
/// renewal, the soonest period end of an active or trialing subscription that will renew.
/// </summary>
internal sealed class CardExpiringSoonRule : IDiagnosisRule
{
    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing || billing.DefaultCard() is not { Card: { } card } paymentMethod)
        {
            yield break;
        }

        if (card.ExpYear <= 0 || card.ExpMonth is < 1 or > 12)
        {
            yield break;
        }

        var renewal = billing.Subscriptions
            .Where(s => s.Status is "active" or "trialing" && !s.CancelAtPeriodEnd)
            .Select(s => (Subscription: s, End: s.CurrentPeriodEnd()))
            .Where(x => x.End is not null)
            .OrderBy(x => x.End)
            .FirstOrDefault();
        if (renewal.Subscription is null)
        {
            yield break;
        }

        // A card is valid through the last day of its expiry month: it stops working at the first instant of the next.
        var expiresAt = new DateTimeOffset((int)card.ExpYear, (int)card.ExpMonth, 1, 0, 0, 0, TimeSpan.Zero).AddMonths(1);
        if (expiresAt > renewal.End)
        {
            yield break;
        }

        yield return new FindingBuilder(RootCause.CardExpiringSoon)
            .Object(paymentMethod.Id)
            .Object(renewal.Subscription.Id)
            .Card(paymentMethod)
            .Fact(FactKeys.CardExpiresAt, expiresAt)
            .Fact(FactKeys.RenewalAt, renewal.End)
            .Fact(FactKeys.Subscription, renewal.Subscription.Id)
            .Build("The card on file expires before the next renewal.");
    }
}
