using System.Text.Json.Nodes;

namespace Leeway.Policy.Actions;

/// <summary>An action's parameters as canonical JSON (snake_case keys in ordinal order): what the audit log records and the idempotency key hashes.</summary>
internal static class ActionParameters
{
    public static string Canonical(BillingAction action) => ToJson(action).ToJsonString();

    public static JsonObject ToJson(BillingAction action)
    {
        var fields = action switch
        {
            RetryPayment { PaymentMethodId: null } a => new SortedDictionary<string, JsonNode?>(StringComparer.Ordinal) { ["invoice"] = a.InvoiceId },
            RetryPayment a => new(StringComparer.Ordinal) { ["invoice"] = a.InvoiceId, ["payment_method"] = a.PaymentMethodId },
            UseCard a => new(StringComparer.Ordinal) { ["customer"] = a.CustomerId, ["payment_method"] = a.PaymentMethodId },
            RefundCharge a => new(StringComparer.Ordinal) { ["amount"] = a.Amount, ["charge"] = a.ChargeId, ["reason"] = a.Reason },
            RegenerateLink a => new(StringComparer.Ordinal) { ["checkout_session"] = a.ExpiredCheckoutSessionId, ["invoice"] = a.InvoiceId },
            CardUpdateLink a => new(StringComparer.Ordinal) { ["customer"] = a.CustomerId },
            AuthenticatePayment a => new(StringComparer.Ordinal) { ["invoice"] = a.InvoiceId },
            CancelSubscription a => new(StringComparer.Ordinal) { ["subscription"] = a.SubscriptionId },
            ResumeSubscription a => new(StringComparer.Ordinal) { ["subscription"] = a.SubscriptionId },
            CreditBalance a => new(StringComparer.Ordinal) { ["amount"] = a.Amount, ["currency"] = a.Currency.ToLowerInvariant(), ["customer"] = a.CustomerId, ["reason"] = a.Reason },
            _ => throw new ArgumentException($"unknown action type {action.GetType().Name}", nameof(action)),
        };
        return new JsonObject(fields);
    }
}
