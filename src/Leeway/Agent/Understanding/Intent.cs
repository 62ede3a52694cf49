namespace Leeway.Agent.Understanding;

/// <summary>What the customer wants, as the classifier names it.</summary>
internal static class Intent
{
    public const string BillingQuestion = "billing_question";
    public const string PaymentFailed = "payment_failed";
    public const string RetryPayment = "retry_payment";
    public const string UpdateCard = "update_card";
    public const string RefundRequest = "refund_request";
    public const string RefundStatus = "refund_status";
    public const string DuplicateCharge = "duplicate_charge";
    public const string UnrecognizedCharge = "unrecognized_charge";
    public const string PaymentLink = "payment_link";
    public const string CancelSubscription = "cancel_subscription";
    public const string UsageQuestion = "usage_question";
    public const string AccessIssue = "access_issue";
    public const string TalkToHuman = "talk_to_human";
    public const string Dispute = "dispute";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All =
    [
        BillingQuestion, PaymentFailed, RetryPayment, UpdateCard, RefundRequest, RefundStatus, DuplicateCharge,
        UnrecognizedCharge, PaymentLink, CancelSubscription, UsageQuestion, AccessIssue, TalkToHuman, Dispute, Other,
    ];
}
