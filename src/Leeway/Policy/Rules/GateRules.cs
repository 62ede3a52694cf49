namespace Leeway.Policy.Rules;

/// <summary>
/// The names of the gate's rules: stable identifiers written to the audit log and named in denials.
/// <see cref="Grantable"/> says which a human (a <c>human:&lt;id&gt;</c> actor with <c>approvedBy</c>) may waive.
/// </summary>
internal static class GateRules
{
    public const string Allowed = "allowed";
    public const string InvalidRequest = "invalid_request";
    public const string Ownership = "ownership";
    public const string DisputeOpen = "dispute_open";
    public const string RiskBlocked = "risk_blocked";
    public const string RiskNoMoneyMovement = "risk_no_money_movement";
    public const string RefundAutoMax = "refund_auto_max";
    public const string RefundWindowDays = "refund_window_days";
    public const string AutoRefundsPerCustomer90d = "auto_refunds_per_customer_90d";
    public const string RefundReason = "refund_reason";
    public const string AlreadyRefunded = "already_refunded";
    public const string RefundOverRemainder = "refund_over_remainder";
    public const string ChargeNotSucceeded = "charge_not_succeeded";
    public const string CreditAutoMax = "credit_auto_max";
    public const string RetryMaxAttempts = "retry_max_attempts";
    public const string RetryHardDecline = "retry_hard_decline";
    public const string RetryNeedsCustomer = "retry_needs_customer";
    public const string InvoiceNotOpen = "invoice_not_open";
    public const string AlreadyPaid = "already_paid";
    public const string LinkNotExpired = "link_not_expired";
    public const string SubscriptionNotActive = "subscription_not_active";
    public const string CancelSelfServe = "cancel_self_serve";
    public const string CardExpired = "card_expired";

    /// <summary>An agent approved a refund or credit over <c>agent_refund_max</c> / <c>agent_credit_max</c>: a lead may grant it.</summary>
    public const string AgentLimit = "agent_limit";

    /// <summary>Not a policy rule: Stripe failed or did not answer in time (audited as <c>error</c>).</summary>
    public const string StripeError = "stripe_error";

    /// <summary>Not a policy rule: Stripe refused the idempotency key (the same decision was acted on with other parameters).</summary>
    public const string IdempotencyConflict = "idempotency_conflict";

    /// <summary>Limits, windows, counts, attempts, risk and routing rules: a human may grant what automation may not.</summary>
    public static readonly IReadOnlySet<string> Grantable = new HashSet<string>
    {
        DisputeOpen, RiskBlocked, RiskNoMoneyMovement, RefundAutoMax, RefundWindowDays, AutoRefundsPerCustomer90d, RefundReason,
        CreditAutoMax, RetryMaxAttempts, RetryHardDecline, CancelSelfServe,
    };
}
