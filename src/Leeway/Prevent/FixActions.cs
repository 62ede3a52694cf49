using Leeway.Diagnostics;
using Leeway.Policy;

namespace Leeway.Prevent;

/// <summary>The gate action whose link fixes a root cause, following the cause's recommended action.
/// Null: no link fixes it (an explanation, an automatic retry, or a human).</summary>
internal static class FixActions
{
    public static BillingAction? For(string reason, string customerId, string? invoiceId, string? expiredSessionId) =>
        RootCause.Of(reason).RecommendedAction switch
        {
            // A card the bank keeps declining is fixed the same way: another card.
            "update_card" or "contact_bank" => new CardUpdateLink(customerId),
            "authenticate_payment" when invoiceId is not null => new AuthenticatePayment(invoiceId),
            "regenerate_link" when expiredSessionId is not null => new RegenerateLink(expiredSessionId, null),
            "regenerate_link" when invoiceId is not null => new RegenerateLink(null, invoiceId),
            _ => null,
        };
}
