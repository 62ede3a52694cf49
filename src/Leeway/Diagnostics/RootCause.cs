namespace Leeway.Diagnostics;

/// <summary>
/// The root-cause codes of the scenario format, each with the status, recommended action and
/// self-serve eligibility it fixes, listed in precedence order (the first that holds is the root cause).
/// </summary>
public sealed record RootCause(string Code, string Status, string RecommendedAction, bool SelfServeEligible)
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
        new(DisputeOpen, "red", "contact_human", false),
        new(PaymentBlockedRisk, "red", "contact_human", false),
        new(PaymentFailedInsufficientFunds, "red", "retry_payment", true),
        new(PaymentFailedCardExpired, "red", "update_card", true),
        new(PaymentFailedIncorrectDetails, "red", "update_card", true),
        new(PaymentFailedAuthenticationRequired, "red", "authenticate_payment", true),
        new(PaymentFailedCardDeclined, "red", "contact_bank", true),
        new(PaymentLinkExpired, "amber", "regenerate_link", true),
        new(InvoicePastDue, "red", "retry_payment", true),
        new(DuplicateCharge, "amber", "refund_duplicate", true),
        new(SourceUnavailable, "amber", "contact_human", false),
        new(EntitlementMismatch, "red", "contact_human", false),
        new(UsageSpike, "amber", "explain_usage", false),
        new(CardExpiringSoon, "amber", "update_card", true),
        new(RefundInProgress, "green", "explain_refund", false),
        new(None, "green", "none", false),
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
