using Dapper;
using Leeway.Storage;

namespace Leeway.Diagnostics.Sources;

/// <summary>
/// The embedded entitlement and usage sources' data, kept in Leeway's own database. Eval and the demo feed it from a
/// scenario's <c>entitlements</c> and <c>usage</c>; the embedded sources read it.
/// </summary>
internal sealed class EmbeddedSourceStore(Database database)
{
    /// <summary>Replaces everything held for the customer with these records, atomically.</summary>
    /// <exception cref="ArgumentException">A record is incomplete (names the field and the value).</exception>
    public async Task FeedAsync(string customerId, IReadOnlyList<EntitlementRecord> entitlements, IReadOnlyList<UsageRecord> usage, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        Validate(entitlements, usage);

        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var customer = new { customerId };
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM diagnostics_entitlements WHERE customer_id = @customerId", customer, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM diagnostics_usage WHERE customer_id = @customerId", customer, transaction, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO diagnostics_entitlements (customer_id, position, feature, active, source) VALUES (@customerId, @position, @feature, @active, @source)",
            entitlements.Select((e, i) => new { customerId, position = i, feature = e.Feature, active = e.Active ? 1 : 0, source = e.Source }),
            transaction,
            cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO diagnostics_usage (customer_id, position, meter, period_start, period_end, quantity, amount) VALUES (@customerId, @position, @meter, @periodStart, @periodEnd, @quantity, @amount)",
            usage.Select((u, i) => new
            {
                customerId,
                position = i,
                meter = u.Meter,
                periodStart = u.PeriodStart.ToUnixTimeMilliseconds(),
                periodEnd = u.PeriodEnd.ToUnixTimeMilliseconds(),
                quantity = u.Quantity,
                amount = u.Amount,
            }),
            transaction,
            cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }

    internal async Task<IReadOnlyList<EntitlementRecord>> ReadEntitlementsAsync(string customerId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EntitlementRow>(new CommandDefinition(
            "SELECT feature AS Feature, CAST(active AS BIGINT) AS Active, source AS Source FROM diagnostics_entitlements WHERE customer_id = @customerId ORDER BY position",
            new { customerId },
            cancellationToken: ct));
        return rows.Select(r => new EntitlementRecord(r.Feature, r.Active != 0, r.Source)).ToList();
    }

    internal async Task<IReadOnlyList<UsageRecord>> ReadUsageAsync(string customerId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<UsageRow>(new CommandDefinition(
            "SELECT meter AS Meter, period_start AS PeriodStart, period_end AS PeriodEnd, quantity AS Quantity, amount AS Amount FROM diagnostics_usage WHERE customer_id = @customerId ORDER BY position",
            new { customerId },
            cancellationToken: ct));
        return rows.Select(r => new UsageRecord(
            r.Meter,
            DateTimeOffset.FromUnixTimeMilliseconds(r.PeriodStart),
            DateTimeOffset.FromUnixTimeMilliseconds(r.PeriodEnd),
            r.Quantity,
            r.Amount)).ToList();
    }

    private static void Validate(IReadOnlyList<EntitlementRecord> entitlements, IReadOnlyList<UsageRecord> usage)
    {
        for (var i = 0; i < entitlements.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entitlements[i].Feature))
            {
                throw new ArgumentException($"entitlements[{i}].feature is empty ('{entitlements[i].Feature}').", nameof(entitlements));
            }

            if (string.IsNullOrWhiteSpace(entitlements[i].Source))
            {
                throw new ArgumentException($"entitlements[{i}].source is empty for feature '{entitlements[i].Feature}'.", nameof(entitlements));
            }
        }

        for (var i = 0; i < usage.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(usage[i].Meter))
            {
                throw new ArgumentException($"usage[{i}].meter is empty ('{usage[i].Meter}').", nameof(usage));
            }

            if (usage[i].PeriodEnd < usage[i].PeriodStart)
            {
                throw new ArgumentException($"usage[{i}].period_end ({usage[i].PeriodEnd:O}) is before period_start ({usage[i].PeriodStart:O}).", nameof(usage));
            }
        }
    }

    private sealed class EntitlementRow
    {
        public string Feature { get; set; } = "";

        public long Active { get; set; }

        public string Source { get; set; } = "";
    }

    private sealed class UsageRow
    {
        public string Meter { get; set; } = "";

        public long PeriodStart { get; set; }

        public long PeriodEnd { get; set; }

        public long Quantity { get; set; }

        public long Amount { get; set; }
    }
}
