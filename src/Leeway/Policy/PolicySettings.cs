namespace Leeway.Policy;

/// <summary>
/// The policy in force. The first eight keys (snake_case in policy.yaml) are fixed by the scenario format, with its defaults.
/// </summary>
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
