using System.Globalization;
using Leeway.Policy.Actions;

namespace Leeway.Policy.Rules;

/// <summary>Every key policy.yaml (and <c>Policy:Overrides:&lt;key&gt;</c>) may hold, with the values it allows.</summary>
internal static class PolicyKeys
{
    public static readonly IReadOnlyList<PolicyKey> All =
    [
        Long("refund_auto_max", 0, 100_000_000, (s, v) => s with { RefundAutoMax = v }, s => s.RefundAutoMax),
        Int("refund_window_days", 0, 3650, (s, v) => s with { RefundWindowDays = v }, s => s.RefundWindowDays),
        Int("auto_refunds_per_customer_90d", 0, 1000, (s, v) => s with { AutoRefundsPerCustomer90d = v }, s => s.AutoRefundsPerCustomer90d),
        Long("credit_auto_max", 0, 100_000_000, (s, v) => s with { CreditAutoMax = v }, s => s.CreditAutoMax),
        Int("retry_max_attempts", 0, 100, (s, v) => s with { RetryMaxAttempts = v }, s => s.RetryMaxAttempts),
        new("usage_spike_factor", "a number greater than 0 (e.g. 3.0)", (s, raw) =>
            double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? s with { UsageSpikeFactor = v } : null,
            s => s.UsageSpikeFactor.ToString("0.0##", CultureInfo.InvariantCulture)),
        OneOf("auto_actions_max_risk", PolicySettings.RiskLevels, (s, v) => s with { AutoActionsMaxRisk = v }, s => s.AutoActionsMaxRisk),
        new("cancel_self_serve", "true or false", (s, raw) => Bool(raw) is { } v ? s with { CancelSelfServe = v } : null, s => s.CancelSelfServe ? "true" : "false"),
        new("refund_reasons", "a list of requested_by_customer, duplicate (YAML list, or comma-separated in an override)", (s, raw) =>
        {
            var reasons = raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
            return reasons.All(r => r is "requested_by_customer" or "duplicate") ? s with { RefundReasons = reasons } : null;
        }, s => "[" + string.Join(", ", s.RefundReasons) + "]"),
        OneOf("card_update_link", ["checkout_setup", "billing_portal"], (s, v) => s with { CardUpdateLink = v }, s => s.CardUpdateLink),
        Int("stripe_timeout_ms", 100, 120_000, (s, v) => s with { StripeTimeoutMs = v }, s => s.StripeTimeoutMs),
        Int("stripe_max_retries", 0, 10, (s, v) => s with { StripeMaxRetries = v }, s => s.StripeMaxRetries),
        Long("agent_refund_max", 0, 100_000_000, (s, v) => s with { AgentRefundMax = v }, s => s.AgentRefundMax),
        Long("agent_credit_max", 0, 100_000_000, (s, v) => s with { AgentCreditMax = v }, s => s.AgentCreditMax),
    ];

    public static string Names => string.Join(", ", All.Select(k => k.Name));

    public static PolicyKey? Find(string name) => All.FirstOrDefault(k => k.Name == name);

    private static PolicyKey Long(string name, long min, long max, Func<PolicySettings, long, PolicySettings> set, Func<PolicySettings, long> get) =>
        new(name, $"a whole number from {min} to {max} (cents)", (s, raw) =>
            long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? set(s, v) : null,
            s => get(s).ToString(CultureInfo.InvariantCulture));

    private static PolicyKey Int(string name, int min, int max, Func<PolicySettings, int, PolicySettings> set, Func<PolicySettings, int> get) =>
        new(name, $"a whole number from {min} to {max}", (s, raw) =>
            int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max ? set(s, v) : null,
            s => get(s).ToString(CultureInfo.InvariantCulture));

    private static PolicyKey OneOf(string name, IReadOnlyList<string> values, Func<PolicySettings, string, PolicySettings> set, Func<PolicySettings, string> get) =>
        new(name, "one of " + string.Join(", ", values), (s, raw) => values.Contains(raw) ? set(s, raw) : null, get);

    private static bool? Bool(string raw) => raw.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };
}
