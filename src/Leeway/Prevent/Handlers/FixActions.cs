using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Policy.Actions;

namespace Leeway.Prevent.Handlers;

/// <summary>The gate action whose link fixes a root cause, following the cause's recommended action.
/// Null: no link fixes it (an explanation, an automatic retry, or a human).</summary>
internal static class FixActions
{
    public static BillingAction? For(RootCause reason, string customerId, string? invoiceId, string? expiredSessionId) =>
        Remedies.GateAction(reason.Traits().RecommendedAction) switch
        {
            ActionType.CardUpdateLink => new CardUpdateLink(customerId),
            ActionType.AuthenticatePayment when invoiceId is not null => new AuthenticatePayment(invoiceId),
            ActionType.RegenerateLink when expiredSessionId is not null => new RegenerateLink(expiredSessionId, null),
            ActionType.RegenerateLink when invoiceId is not null => new RegenerateLink(null, invoiceId),
            // Nothing to link to, or not a link: Tier 0 retries on its own schedule and leaves refunds to the customer's ask.
            ActionType.AuthenticatePayment or ActionType.RegenerateLink or ActionType.RetryPayment or ActionType.Refund
                or ActionType.CancelSubscription or ActionType.Credit or ActionType.UseCard or ActionType.ResumeSubscription or null => null,
        };
}
