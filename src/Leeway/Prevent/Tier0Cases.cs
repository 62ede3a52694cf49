using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Policy;

namespace Leeway.Prevent;

/// <summary>
/// Tier 3 cases opened by Tier 0, for what it cannot fix (disputes, risk, a link the gate refused). One open case per
/// reason and object: a redelivered event or a rerun job finds the open case instead of opening another.
/// </summary>
internal sealed class Tier0Cases(ICaseStore store)
{
    public const string Source = "tier0";

    /// <param name="summary">Must name <paramref name="objectId"/>: that is how the case is found again.</param>
    public async Task<Case> OpenOnceAsync(
        string customerId,
        string reason,
        string objectId,
        string risk,
        Diagnosis? diagnosis,
        IReadOnlyList<GateOutcome> actions,
        string summary,
        CancellationToken cancellationToken)
    {
        if (await FindOpenAsync(customerId, objectId, reason, cancellationToken) is { } open)
        {
            return open;
        }

        return await store.OpenAsync(customerId, reason, Source, risk, new HandoffPacket(null, [], diagnosis, actions, summary), cancellationToken);
    }

    private async Task<Case?> FindOpenAsync(string customerId, string objectId, string reason, CancellationToken cancellationToken) =>
        (await store.ListForCustomerAsync(customerId, cancellationToken)).FirstOrDefault(c =>
            c.Source == Source && c.Status == CaseStatus.Open && c.Reason == reason && c.Packet.Summary.Contains(objectId, StringComparison.Ordinal));
}
