using Stripe;

namespace Leeway.Diagnostics.Rules;

/// <summary>
/// <c>entitlement_mismatch</c>: what the customer pays for and what they have disagree. An active, trialing or past-due
/// subscription grants a feature that is not active, or a feature is active though its granting subscription ended.
/// </summary>
/// <remarks>
/// An entitlement's <c>source</c> is the id of the subscription that grants it, or the name <c>subscription</c>
/// (granted by the customer's subscriptions in general: granting while any of them is active, trialing or past due;
/// ended only when all of them have ended), or another source (<c>manual</c>, <c>promotion</c>, …) that billing
/// does not govern and so cannot contradict. Needs both Stripe and the entitlement source.
/// </remarks>
internal sealed class EntitlementMismatchRule : IDiagnosisRule
{
    public const string GenericSubscriptionSource = "subscription";

    public IEnumerable<Finding> Evaluate(DiagnosisInput input)
    {
        if (input.Billing is not { } billing || input.Entitlements is not { } entitlements)
        {
            yield break;
        }

        foreach (var entitlement in entitlements)
        {
            var granting = GrantingSubscriptions(billing.Subscriptions, entitlement.Source);
            if (granting is null)
            {
                continue;
            }

            var grants = granting.Any(s => BillingSnapshotExtensions.GrantingStatuses.Contains(s.Status ?? ""));
            var ended = granting.Count > 0 && granting.All(s => BillingSnapshotExtensions.EndedStatuses.Contains(s.Status ?? ""));
            string? mismatch = (grants, entitlement.Active) switch
            {
                (true, false) => "paid_not_active",
                (false, true) when ended => "active_without_subscription",
                _ => null,
            };
            if (mismatch is null)
            {
                continue;
            }

            var subscription = grants
                ? granting.First(s => BillingSnapshotExtensions.GrantingStatuses.Contains(s.Status ?? ""))
                : granting.OrderByDescending(s => s.Created).First();
            yield return new FindingBuilder(RootCause.EntitlementMismatch)
                .Object(subscription.Id)
                .Fact(FactKeys.Feature, entitlement.Feature)
                .Fact(FactKeys.EntitlementActive, entitlement.Active)
                .Fact(FactKeys.EntitlementSource, entitlement.Source)
                .Fact(FactKeys.Mismatch, mismatch)
                .Fact(FactKeys.Subscription, subscription.Id)
                .Fact(FactKeys.SubscriptionStatus, subscription.Status)
                .Build(mismatch == "paid_not_active"
                    ? $"The subscription includes {entitlement.Feature}, but it is not switched on."
                    : $"{entitlement.Feature} is still switched on although the subscription that granted it has ended.");
        }
    }

    /// <summary>The subscriptions an entitlement's source names; null when the source is not billing's to judge.</summary>
    private static List<Subscription>? GrantingSubscriptions(IReadOnlyList<Subscription> subscriptions, string source)
    {
        if (string.Equals(source, GenericSubscriptionSource, StringComparison.OrdinalIgnoreCase))
        {
            return subscriptions.ToList();
        }

        var named = subscriptions.Where(s => s.Id == source).ToList();
        return named.Count > 0 ? named : null;
    }
}
