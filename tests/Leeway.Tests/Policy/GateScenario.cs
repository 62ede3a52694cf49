using Leeway.Policy;
using Leeway.Policy.Rules;

namespace Leeway.Tests.Policy;

/// <summary>A random world and a random sequence of requests against it, under a random policy (see <see cref="GateArbitraries"/>).</summary>
public sealed record GateScenario(
    PolicySettings Policy,
    string Risk,
    bool DisputeOpen,
    IReadOnlyList<GateScenario.ChargeSeed> Charges,
    IReadOnlyList<GateScenario.InvoiceSeed> Invoices,
    IReadOnlyList<GateScenario.Step> Steps)
{
    public sealed record ChargeSeed(long Amount, int AgeDays, long PriorRefund, int PriorRefundAgeDays);

    public sealed record InvoiceSeed(long Attempts, string? Error);

    /// <param name="Actor">0 agent-lee, 1 tier0, 2 customer, 3 a human with approval.</param>
    /// <param name="Kind">0 refund, 1 credit, 2 retry, 3 cancel, 4 card update link.</param>
    /// <param name="DecisionKey">Few distinct keys, so repeated decisions happen.</param>
    public sealed record Step(int Actor, int Kind, int Target, long? Amount, string Reason, int DecisionKey, int AdvanceHours, bool Concurrent);

    public override string ToString() =>
        $"policy {Policy}, risk {Risk}, dispute {DisputeOpen}\n charges: {string.Join("; ", Charges)}\n invoices: {string.Join("; ", Invoices)}\n steps:\n  {string.Join("\n  ", Steps)}";
}
