namespace Leeway.Diagnostics;

/// <summary>
/// The root-cause codes of the scenario format, each with the status, recommended action and
/// self-serve eligibility it fixes, listed in precedence order (the first that holds is the root cause).
/// </summary>
public sealed record RootCause(string Code, string Status, RecommendedAction RecommendedAction, bool SelfServeEligible)
{
    public const string DisputeOpen = "dispute_open";
    public const string PaymentBlockedRisk = "payment_blocked_risk";
    public const string PaymentFailedInsufficientFunds = "payment_failed_insufficient_funds";
    public const string PaymentFailedCardExpired = "payment_failed_card_expired";
    public const string PaymentFailedIncorrectDetails = "payment_failed_incorrect_details";
    public const string PaymentFailedAuthenticationRequired = "payment_failed_authentication_required";
    public const string PaymentFailedCardDeclined = "payment_failed_card_declined";
    public const string PaymentLinkExpired = "payment_link_expired";
    public const string InvoicePastDue = "invoice_past_due";
    public const string DuplicateCharge = "duplicate_charge";
    public const string SourceUnavailable = "source_unavailable";
    public const string EntitlementMismatch = "entitlement_mismatch";
    public const string UsageSpike = "usage_spike";
    public const string CardExpiringSoon = "card_expiring_soon";
    public const string RefundInProgress = "refund_in_progress";
    public const string None = "none";

    /// <summary>Precedence order, highest first.</summary>
    public static readonly IReadOnlyList<RootCause> All =
    [
        new(DisputeOpen, "red", RecommendedAction.ContactHuman, false),
        new(PaymentBlockedRisk, "red", RecommendedAction.ContactHuman, false),
        new(PaymentFailedInsufficientFunds, "red", RecommendedAction.RetryPayment, true),
        new(PaymentFailedCardExpired, "red", RecommendedAction.UpdateCard, true),
        new(PaymentFailedIncorrectDetails, "red", RecommendedAction.UpdateCard, true),
        new(PaymentFailedAuthenticationRequired, "red", RecommendedAction.AuthenticatePayment, true),
        new(PaymentFailedCardDeclined, "red", RecommendedAction.ContactBank, true),
        new(PaymentLinkExpired, "amber", RecommendedAction.RegenerateLink, true),
        new(InvoicePastDue, "red", RecommendedAction.RetryPayment, true),
        new(DuplicateCharge, "amber", RecommendedAction.RefundDuplicate, true),
        new(SourceUnavailable, "amber", RecommendedAction.ContactHuman, false),
        new(EntitlementMismatch, "red", RecommendedAction.ContactHuman, false),
        new(UsageSpike, "amber", RecommendedAction.ExplainUsage, false),
        new(CardExpiringSoon, "amber", RecommendedAction.UpdateCard, true),
        new(RefundInProgress, "green", RecommendedAction.ExplainRefund, false),
        new(None, "green", RecommendedAction.None, false),
    ];

    private static readonly Dictionary<string, (RootCause Cause, int Rank)> ByCode =
        All.Select((c, i) => (c, i)).ToDictionary(x => x.c.Code, x => (x.c, x.i));

    public static RootCause Of(string code) => ByCode.TryGetValue(code, out var entry)
        ? entry.Cause
        : throw new ArgumentException($"Unknown root cause '{code}'.", nameof(code));

    /// <summary>Lower ranks win. All <c>payment_failed_*</c> codes share one tier in the format; their order here breaks ties.</summary>
    public static int Rank(string code) => ByCode.TryGetValue(code, out var entry) ? entry.Rank : int.MaxValue;

    public static bool IsPaymentFailure(string code) => code.StartsWith("payment_failed_", StringComparison.Ordinal);
}
