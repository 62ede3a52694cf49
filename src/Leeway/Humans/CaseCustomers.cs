using Stripe;

namespace Leeway.Humans;

/// <summary>
/// The customer's name and e-mail on their cases, read from Stripe the first time the queue shows a case without them
/// and kept on the case rows (so the queue shows and searches them without asking Stripe again).
/// </summary>
internal sealed class CaseCustomers(CaseStore cases, IServiceProvider services, ILogger<CaseCustomers> logger)
{
    /// <summary>At most this many customers are looked up per queue view: a huge backlog fills in over a few views.</summary>
    private const int MaxLookups = 25;

    public async Task<IReadOnlyList<Case>> WithNamesAsync(IReadOnlyList<Case> list, CancellationToken cancellationToken)
    {
        var missing = list.Where(c => c.CustomerName is null).Select(c => c.CustomerId).Distinct().Take(MaxLookups).ToList();
        if (missing.Count == 0)
        {
            return list;
        }

        var stripe = services.GetService<StripeClient>();

        var found = new Dictionary<string, (string Name, string Email)>(StringComparer.Ordinal);
        foreach (var customerId in missing)
        {
            if (customerId.StartsWith("email:", StringComparison.Ordinal))
            {
                // An e-mail from someone Stripe does not know (routing's contacts): the address is all there is.
                found[customerId] = ("", customerId["email:".Length..]);
                await cases.NoteCustomerAsync(customerId, "", found[customerId].Email, cancellationToken);
                continue;
            }

            if (stripe is null)
            {
                continue;
            }

            try
            {
                var customer = await stripe.V1.Customers.GetAsync(customerId, cancellationToken: cancellationToken);
                found[customerId] = (customer.Name ?? "", customer.Email ?? "");
            }
            catch (StripeException e) when (e.HttpStatusCode == System.Net.HttpStatusCode.NotFound)
            {
                found[customerId] = ("", ""); // Gone from Stripe: no name to wait for.
            }
            catch (StripeException e)
            {
                logger.LogWarning(e, "Could not read customer {Customer} for the queue; showing the id", customerId);
                continue;
            }

            await cases.NoteCustomerAsync(customerId, found[customerId].Name, found[customerId].Email, cancellationToken);
        }

        return list.Select(c => found.TryGetValue(c.CustomerId, out var f) ? c with { CustomerName = f.Name, CustomerEmail = f.Email } : c).ToList();
    }
}
