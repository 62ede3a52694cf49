using Stripe;

namespace Leeway.Billing;

/// <summary>Finds Stripe customers by e-mail address (Stripe's customer list filtered by <c>email</c>, which is case-sensitive there).</summary>
internal sealed class CustomerLookup(StripeClient stripe)
{
    /// <returns>The ids of the live customers with exactly this address, at most <paramref name="limit"/>.</returns>
    public async Task<IReadOnlyList<string>> ByEmailAsync(string email, CancellationToken cancellationToken, int limit = 5)
    {
        var found = await stripe.V1.Customers.ListAsync(new CustomerListOptions { Email = email, Limit = limit }, cancellationToken: cancellationToken);
        return found.Data.Where(c => c.Deleted != true).Select(c => c.Id).ToList();
    }
}
