using Leeway.Billing;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Humans;

/// <summary>A person's action on a case (<see cref="ApprovedAction"/>, as the API and the console send it) as the gate's typed action.</summary>
internal static class ApprovedActions
{
    /// <param name="links">Acting (not approving): a person may also make a fresh payment or card-update link to send.</param>
    public static BillingAction? ToBillingAction(ApprovedAction? action, string customerId, Dictionary<string, string[]> errors, bool links)
    {
        if (action is null)
        {
            errors["action"] = ["action is required, e.g. {\"type\": \"refund\", \"charge\": \"ch_…\", \"amount\": 1000}."];
            return null;
        }

        if (action.Amount is <= 0)
        {
            errors["action.amount"] = [$"amount must be a positive number of minor units (got {action.Amount})."];
            return null;
        }

        string? Need(string? value, string field)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[$"action.{field}"] = [$"{action.Type} needs '{field}'."];
                return null;
            }

            return value.Trim();
        }

        if (!WireName.TryParse(action.Type, out ActionType type))
        {
            return NotApprovable();
        }

        return type switch
        {
            ActionType.Refund => Refund(),
            ActionType.RetryPayment => Need(action.Invoice, "invoice") is { } invoice ? new RetryPayment(invoice) : null,
            ActionType.CancelSubscription => Need(action.Subscription, "subscription") is { } subscription ? new CancelSubscription(subscription) : null,
            ActionType.Credit => Credit(),
            // A person may make a fresh link for the customer (to send in a reply), but a refused link is not theirs to approve.
            ActionType.RegenerateLink when links => Need(action.Invoice, "invoice") is { } linked ? new RegenerateLink(null, linked) : null,
            ActionType.CardUpdateLink when links => new CardUpdateLink(customerId),
            // Using a saved card follows the customer's own save on Stripe's page.
            ActionType.RegenerateLink or ActionType.CardUpdateLink or ActionType.AuthenticatePayment or ActionType.UseCard or ActionType.ResumeSubscription => NotApprovable(),
        };

        BillingAction? Refund()
        {
            var reason = action.Reason ?? "requested_by_customer";
            if (reason is not ("requested_by_customer" or "duplicate" or "fraudulent"))
            {
                errors["action.reason"] = [$"A refund reason is requested_by_customer, duplicate or fraudulent (got '{reason}')."];
                return null;
            }

            return Need(action.Charge, "charge") is { } charge ? new RefundCharge(charge, action.Amount, reason) : null;
        }

        BillingAction? Credit()
        {
            var currency = Need(action.Currency, "currency")?.ToLowerInvariant();
            if (action.Amount is null)
            {
                errors["action.amount"] = ["credit needs 'amount' (minor units)."];
            }

            return currency is not null && action.Amount is { } amount
                ? new CreditBalance(customerId, amount, currency, action.Reason ?? "approved by staff")
                : null;
        }

        BillingAction? NotApprovable()
        {
            errors["action.type"] = [$"Unknown action type '{action.Type}'; expected refund, retry_payment, credit or cancel_subscription{(links ? ", regenerate_link or card_update_link" : "")}."];
            return null;
        }
    }

    /// <summary>Whether the customer's billing holds <paramref name="objectId"/>: the customer, or one of its charges, invoices or subscriptions.</summary>
    public static bool Owns(BillingSnapshot snapshot, string objectId) =>
        objectId == snapshot.Customer.Id
        || snapshot.Charges.Any(c => c.Id == objectId)
        || snapshot.Invoices.Any(i => i.Id == objectId)
        || snapshot.Subscriptions.Any(s => s.Id == objectId);
}
