using System.Collections.Concurrent;
using Dapper;
using Leeway.Storage;

namespace Leeway.Prevent.Webhooks;

/// <summary>Customers Tier 0 has seen in events: with Stripe's active subscriptions, who the expiring-card scan looks at.</summary>
internal sealed class KnownCustomers(Database database, GroupCommit writes, TimeProvider time)
{
    // Remembered ones are not written again: a burst of events for the same customers costs one write each, not one per event.
    private readonly ConcurrentDictionary<string, bool> _remembered = new(StringComparer.Ordinal);

    public async Task RememberAsync(string customerId, CancellationToken cancellationToken)
    {
        if (_remembered.ContainsKey(customerId))
        {
            return;
        }

        await writes.ExecuteAsync(
            "INSERT INTO prevent_customers (customer_id, first_seen_at) VALUES (@CustomerId, @Now) ON CONFLICT (customer_id) DO NOTHING",
            new { CustomerId = customerId, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken);
        _remembered[customerId] = true;
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT customer_id FROM prevent_customers ORDER BY customer_id", cancellationToken: cancellationToken));
        return ids.AsList();
    }
}
