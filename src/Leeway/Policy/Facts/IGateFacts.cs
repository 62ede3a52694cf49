using Leeway.Policy.Actions;

namespace Leeway.Policy.Facts;

/// <summary>Reads, fresh for each decision, the facts the rules need (see <see cref="GateFacts"/>).</summary>
internal interface IGateFacts
{
    /// <summary>The customer owning the object the action names (how a staff or service principal's action finds its customer); null when there is no such object.</summary>
    Task<string?> CustomerOfAsync(BillingAction action, CancellationToken cancellationToken);

    Task<GateFacts> ReadAsync(string customerId, BillingAction action, CancellationToken cancellationToken);
}
