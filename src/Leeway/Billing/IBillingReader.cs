namespace Leeway.Billing;

/// <summary>Reads a customer's <see cref="BillingSnapshot"/> from Stripe (through Stripe.net), concurrently where it can.</summary>
internal interface IBillingReader
{
    /// <returns>The snapshot, or null when Stripe has no such customer.</returns>
    /// <exception cref="Stripe.StripeException">Stripe answered with an error.</exception>
    Task<BillingSnapshot?> ReadAsync(string customerId, CancellationToken cancellationToken);
}
