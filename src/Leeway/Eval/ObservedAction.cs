using System.Text.RegularExpressions;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Eval;

/// <summary>An action of the scenario format, recognized in the sandbox's record of mutating requests (not in the product's logs).</summary>
internal sealed partial record ObservedAction(ActionType Type, string? Target, long? Amount, SandboxRequest Request)
{
    public static ObservedAction? From(SandboxRequest r)
    {
        var p = r.Params;
        string? Param(string key) => p.TryGetValue(key, out var v) && v.Length > 0 ? v : null;
        long? Amount() => long.TryParse(Param("amount"), out var a) ? a : null;

        if (r.Method == "POST" && InvoiceAction().Match(r.Path) is { Success: true } invoice)
        {
            return invoice.Groups[2].Value switch
            {
                "pay" => new ObservedAction(ActionType.RetryPayment, invoice.Groups[1].Value, null, r),
                "send" => new ObservedAction(ActionType.RegenerateLink, invoice.Groups[1].Value, null, r),
                _ => null,
            };
        }

        if (r.Method == "POST" && r.Path == "/v1/refunds")
        {
            return new ObservedAction(ActionType.Refund, Param("charge") ?? Param("payment_intent"), Amount(), r);
        }

        if (r.Method == "POST" && r.Path == "/v1/checkout/sessions")
        {
            return Param("mode") == "setup"
                ? new ObservedAction(ActionType.CardUpdateLink, Param("customer"), null, r)
                : new ObservedAction(ActionType.RegenerateLink, Param("metadata[recovered_from]") ?? Param("invoice"), null, r);
        }

        if (r.Method == "POST" && r.Path == "/v1/billing_portal/sessions")
        {
            return new ObservedAction(ActionType.CardUpdateLink, Param("customer"), null, r);
        }

        if (SubscriptionPath().Match(r.Path) is { Success: true } subscription
            && (r.Method == "DELETE" || (r.Method == "POST" && (Param("cancel_at_period_end") == "true" || Param("cancel_at") is not null))))
        {
            return new ObservedAction(ActionType.CancelSubscription, subscription.Groups[1].Value, null, r);
        }

        if (r.Method == "POST" && BalanceTransactions().Match(r.Path) is { Success: true } balance)
        {
            return new ObservedAction(ActionType.Credit, balance.Groups[1].Value, Amount() is { } a ? Math.Abs(a) : null, r);
        }

        return null;
    }

    public bool Matches(ExpectedAction expected) =>
        Type == expected.Type
        && (expected.Target is null || Target == expected.Target)
        && (expected.Amount is null || Amount == expected.Amount);

    public override string ToString() => WireName.Of(Type) + (Target is null ? "" : $" {Target}") + (Amount is null ? "" : $" ({Amount})");

    [GeneratedRegex("^/v1/invoices/([^/]+)/(pay|send)$")]
    private static partial Regex InvoiceAction();

    [GeneratedRegex("^/v1/subscriptions/([^/]+)$")]
    private static partial Regex SubscriptionPath();

    [GeneratedRegex("^/v1/customers/([^/]+)/balance_transactions$")]
    private static partial Regex BalanceTransactions();
}
