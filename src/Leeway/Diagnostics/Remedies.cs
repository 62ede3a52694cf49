using Leeway.Policy;
using Leeway.Policy.Actions;

namespace Leeway.Diagnostics;

/// <summary>
/// The one mapping from what the diagnosis recommends to the gate action that carries it out. Tier 0's links, the
/// meter's one-click fixes and Lee all start here; each may still choose a fallback when the target is missing
/// (no open invoice to pay, for instance), but none keeps its own table.
/// </summary>
internal static class Remedies
{
    /// <summary>The gate action that carries out <paramref name="recommended"/>; null when none does (an explanation, a person, nothing).</summary>
    public static ActionType? GateAction(RecommendedAction recommended) => recommended switch
    {
        RecommendedAction.RetryPayment => ActionType.RetryPayment,
        RecommendedAction.UpdateCard => ActionType.CardUpdateLink,
        // A card the bank keeps declining is fixed the same way: another card.
        RecommendedAction.ContactBank => ActionType.CardUpdateLink,
        RecommendedAction.AuthenticatePayment => ActionType.AuthenticatePayment,
        RecommendedAction.RegenerateLink => ActionType.RegenerateLink,
        // Money due with nothing failed: the link to pay it (an invoice's payment page, sent again; an open link is reused).
        RecommendedAction.PayWithLink => ActionType.RegenerateLink,
        RecommendedAction.RefundDuplicate => ActionType.Refund,
        RecommendedAction.ContactHuman or RecommendedAction.ExplainUsage or RecommendedAction.ExplainRefund or RecommendedAction.None => null,
    };

    /// <summary>Whether the gate action for <paramref name="recommended"/> hands the customer a link rather than acting on Stripe.</summary>
    public static bool IsLink(ActionType action) => action switch
    {
        ActionType.CardUpdateLink or ActionType.AuthenticatePayment or ActionType.RegenerateLink => true,
        ActionType.RetryPayment or ActionType.Refund or ActionType.CancelSubscription or ActionType.Credit or ActionType.UseCard or ActionType.ResumeSubscription => false,
    };
}
