using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Policy;

namespace Leeway.Prevent;

/// <summary>
/// Tier 3 cases opened by Tier 0, for what it cannot fix (disputes, risk, a link the gate refused). One open case per
/// reason and object: a redelivered event or a rerun job finds the open case instead of opening another.
/// </summary>
internal sealed class Tier0Cases(IServiceProvider services, ILogger<Tier0Cases> logger)
{
    public const string Source = "tier0";

    /// <param name="summary">Must name <paramref name="objectId"/>: that is how the case is found again.</param>
    public async Task<Case?> OpenOnceAsync(
        string customerId,
        string reason,
        string objectId,
        string risk,
        Diagnosis? diagnosis,
        IReadOnlyList<GateOutcome> actions,
        string summary,
        CancellationToken cancellationToken)
    {
        if (services.GetService<ICaseStore>() is not { } store)
        {
            logger.LogWarning("No case store: Tier 0 could not hand {Reason} about {Object} for {Customer} to a human", reason, objectId, customerId);
            return null;
        }

        if (await FindOpenAsync(store, customerId, objectId, reason, cancellationToken) is { } open)
        {
            return open;
        }

        return await store.OpenAsync(customerId, reason, Source, risk, new HandoffPacket(null, [], diagnosis, actions, summary), cancellationToken);
    }

    /// <summary>Closes Tier 0's open cases about an object whose problem went away (e.g. the invoice got paid).</summary>
    public async Task<int> CloseAsync(string customerId, string objectId, string resolution, CancellationToken cancellationToken)
    {
        if (services.GetService<ICaseStore>() is not { } store)
        {
            return 0;
        }

        var closed = 0;
        foreach (var open in (await store.ListForCustomerAsync(customerId, cancellationToken)).Where(c => IsOpenAbout(c, objectId, null)))
        {
            if (await store.CloseAsync(open.Id, Source, resolution, cancellationToken) is not null)
            {
                closed++;
            }
        }

        return closed;
    }

    private static async Task<Case?> FindOpenAsync(ICaseStore store, string customerId, string objectId, string reason, CancellationToken cancellationToken) =>
        (await store.ListForCustomerAsync(customerId, cancellationToken)).FirstOrDefault(c => IsOpenAbout(c, objectId, reason));

    private static bool IsOpenAbout(Case c, string objectId, string? reason) =>
        c.Source == Source && c.ClosedAt is null && c.Status == "open"
        && (reason is null || c.Reason == reason)
        && c.Packet.Summary.Contains(objectId, StringComparison.Ordinal);
}
