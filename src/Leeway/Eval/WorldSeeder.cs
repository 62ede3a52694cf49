using Leeway.Diagnostics.Sources;

namespace Leeway.Eval;

/// <summary>Entitlements and usage are the product's own sources, not Stripe's: their embedded stores are fed from a world.</summary>
internal static class WorldSeeder
{
    public static async Task FeedProductSourcesAsync(IServiceProvider product, Scenario scenario, CancellationToken ct)
    {
        var store = product.GetService<EmbeddedSourceStore>();
        if (store is null)
        {
            return;
        }

        foreach (var customer in scenario.Customers)
        {
            await store.FeedAsync(
                customer.Id,
                customer.Entitlements.Select(e => new EntitlementRecord(e.Feature, e.Active, e.Source)).ToList(),
                customer.Usage.Select(u => new UsageRecord(u.Meter, u.PeriodStart, u.PeriodEnd, u.Quantity, u.Amount)).ToList(),
                ct);
        }
    }
}
