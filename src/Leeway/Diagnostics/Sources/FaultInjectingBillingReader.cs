using Leeway.Billing;

namespace Leeway.Diagnostics.Sources;

/// <summary>
/// Decorates Stripe as diagnostics reads it with an injected fault (<c>Diagnostics:Faults:stripe</c>). Only the
/// diagnosis's reads fail; the rest of the product keeps its Stripe client (the sandbox injects Stripe-wide faults).
/// </summary>
internal sealed class FaultInjectingBillingReader(SourceFault fault) : IBillingReader
{
    public Task<BillingSnapshot?> ReadAsync(string customerId, CancellationToken cancellationToken) =>
        fault.FailAsync<BillingSnapshot?>(cancellationToken);
}
