using System.Diagnostics.CodeAnalysis;
using Leeway.Policy.Actions;

namespace Leeway.Policy.Rules;

/// <summary>
/// The policy in force. The first eight keys (snake_case in policy.yaml) are fixed by the scenario format, with its defaults;
/// the rest are the gate's own (which refund reasons automation may give, which card-update link it hands out, and how
/// patiently it talks to Stripe). <see cref="PolicyKeys"/> lists every key with its allowed values.
/// </summary>
[SuppressMessage("Maintainability", "CA1515", Justification = "Public for Leeway.Tests: an xUnit theory takes it as a parameter, and xUnit runs public methods only.")]
public sealed record PolicySettings
{
    public long RefundAutoMax { get; init; } = 5000;
    public int RefundWindowDays { get; init; } = 60;
    public int AutoRefundsPerCustomer90d { get; init; } = 2;
    public long CreditAutoMax { get; init; } = 2000;
    public int RetryMaxAttempts { get; init; } = 4;
    public double UsageSpikeFactor { get; init; } = 3.0;

    /// <summary><c>normal</c>, <c>elevated</c> or <c>high</c>: customers above it get no automated money movement.</summary>
    public string AutoActionsMaxRisk { get; init; } = "normal";

    public bool CancelSelfServe { get; init; } = true;

    /// <summary>Refund reasons automation may give (Stripe's <c>reason</c>): a <c>fraudulent</c> refund is always a human's call.</summary>
    public IReadOnlyList<string> RefundReasons { get; init; } = ["requested_by_customer", "duplicate"];

    /// <summary><c>checkout_setup</c> (a setup-mode Checkout Session) or <c>billing_portal</c> (a billing-portal session).</summary>
    public string CardUpdateLink { get; init; } = "checkout_setup";

    /// <summary>Deadline of one Stripe call made by the gate; a call past it is retried with the same idempotency key.</summary>
    public int StripeTimeoutMs { get; init; } = 10_000;

    /// <summary>How many times the gate retries a Stripe call that timed out or failed transiently (same idempotency key).</summary>
    public int StripeMaxRetries { get; init; } = 2;

    /// <summary>Largest refund an agent may approve; over it, a lead or an admin approves.</summary>
    public long AgentRefundMax { get; init; } = 20_000;

    /// <summary>Largest customer-balance credit an agent may approve; over it, a lead or an admin approves.</summary>
    public long AgentCreditMax { get; init; } = 10_000;

    /// <summary>Risk levels in order, lowest first.</summary>
    public static readonly IReadOnlyList<string> RiskLevels = ["normal", "elevated", "high"];

    public bool RiskAllowsMoneyMovement(string customerRisk) =>
        RiskRank(customerRisk) <= RiskRank(AutoActionsMaxRisk);

    public static int RiskRank(string risk)
    {
        var index = -1;
        for (var i = 0; i < RiskLevels.Count; i++)
        {
            if (string.Equals(RiskLevels[i], risk, StringComparison.OrdinalIgnoreCase))
            {
                index = i;
            }
        }

        // Unknown risk is treated as the highest: fail closed.
        return index < 0 ? RiskLevels.Count - 1 : index;
    }
}
