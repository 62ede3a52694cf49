using System.Text.Json.Nodes;

namespace Leeway.Policy.Actions;

/// <summary>An action's parameters as canonical JSON (snake_case keys in ordinal order): what the audit log records and the
/// idempotency key hashes, and what the gate's typed record (<see cref="GateActionRecord"/>) reads back into the action.</summary>
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

    /// <summary>The action <see cref="ToJson"/> wrote: the inverse, for the gate's typed record.</summary>
    public static BillingAction FromJson(ActionType type, JsonObject p)
    {
        string Text(string key) => p[key]?.GetValue<string>() ?? throw new FormatException($"{type} parameters lack '{key}'");
        string? Maybe(string key) => p[key]?.GetValue<string>();
        return type switch
        {
            ActionType.RetryPayment => new RetryPayment(Text("invoice"), Maybe("payment_method")),
            ActionType.UseCard => new UseCard(Text("customer"), Text("payment_method")),
            ActionType.Refund => new RefundCharge(Text("charge"), p["amount"]?.GetValue<long?>(), Text("reason")),
            ActionType.RegenerateLink => new RegenerateLink(Maybe("checkout_session"), Maybe("invoice")),
            ActionType.CardUpdateLink => new CardUpdateLink(Text("customer")),
            ActionType.AuthenticatePayment => new AuthenticatePayment(Text("invoice")),
            ActionType.CancelSubscription => new CancelSubscription(Text("subscription")),
            ActionType.ResumeSubscription => new ResumeSubscription(Text("subscription")),
            ActionType.Credit => new CreditBalance(Text("customer"), p["amount"]?.GetValue<long>() ?? 0, Text("currency"), Text("reason")),
        };
    }
}
