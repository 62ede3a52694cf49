namespace Leeway.Diagnostics;

/// <summary>
/// The keys of <see cref="Finding.Facts"/>: one spelling per fact, shared by every rule, so Lee, the dashboard and
/// Tier 0 can read a finding without knowing which rule wrote it. Values are strings: amounts in minor units,
/// times as ISO-8601 UTC, booleans as <c>true</c>/<c>false</c>. Documented in docs/diagnostics.md.
/// </summary>
internal static class FactKeys
{
    public const string Customer = "customer";
    public const string Risk = "risk";

    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string AmountDisplay = "amount_display";

    public const string Invoice = "invoice";

    /// <summary>The invoice's number as Stripe prints it on the invoice and its e-mails (<c>7FE1103-0002</c>): what a customer calls it.</summary>
    public const string InvoiceNumber = "invoice_number";
    public const string InvoiceStatus = "invoice_status";
    public const string DueDate = "due_date";
    public const string DaysOverdue = "days_overdue";
    public const string AttemptCount = "attempt_count";
    public const string NextPaymentAttempt = "next_payment_attempt";
    public const string HostedInvoiceUrl = "hosted_invoice_url";
    public const string Subscription = "subscription";
    public const string SubscriptionStatus = "subscription_status";

    public const string PaymentIntent = "payment_intent";
    public const string PaymentIntentStatus = "payment_intent_status";
    public const string DeclineCode = "decline_code";
    public const string Retryable = "retryable";
    public const string HardDecline = "hard_decline";

    public const string PaymentMethod = "payment_method";
    public const string CardBrand = "card_brand";
    public const string CardLast4 = "card_last4";
    public const string CardExpMonth = "card_exp_month";
    public const string CardExpYear = "card_exp_year";
    public const string CardDisplay = "card_display";
    public const string CardExpiresAt = "card_expires_at";
    public const string RenewalAt = "renewal_at";

    public const string LinkKind = "link_kind";
    public const string CheckoutSession = "checkout_session";
    public const string LinkExpiredAt = "link_expired_at";
    public const string Url = "url";

    public const string Charge = "charge";
    public const string ChargeCreated = "charge_created";
    public const string RefundCharge = "refund_charge";
    public const string OriginalCharge = "original_charge";
    public const string DuplicateBasis = "duplicate_basis";

    public const string Refund = "refund";
    public const string RefundCreated = "refund_created";
    public const string RefundExpectedBy = "refund_expected_by";

    public const string Dispute = "dispute";
    public const string DisputeStatus = "dispute_status";
    public const string DisputeReason = "dispute_reason";
    public const string DisputeCreated = "dispute_created";
    public const string EvidenceDueBy = "evidence_due_by";

    public const string Feature = "feature";
    public const string EntitlementActive = "entitlement_active";
    public const string EntitlementSource = "entitlement_source";
    public const string Mismatch = "mismatch";

    public const string Meter = "meter";
    public const string PeriodStart = "period_start";
    public const string PeriodEnd = "period_end";
    public const string Quantity = "quantity";
    public const string PreviousMeanAmount = "previous_mean_amount";
    public const string PreviousPeriods = "previous_periods";
    public const string SpikeRatio = "spike_ratio";
    public const string SpikeFactor = "spike_factor";

    public const string Source = "source";
}
