using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Routing.Outbound;

/// <summary>
/// Queues an event for every destination that wants it (once per event and destination, however many hosts saw it),
/// hands due deliveries to one host at a time, and keeps how each went.
/// </summary>
internal sealed class OutboundOutbox(Database database, IOptions<OutboundOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool AnyDestination => options.Value.Destinations.Count > 0;

    /// <summary>Queues <paramref name="type"/> with <paramref name="data"/>; an event id seen before is queued once.</summary>
    public async Task EnqueueAsync(string eventId, string type, object data, CancellationToken cancellationToken)
    {
        var wanting = options.Value.Destinations.Where(d => d.Wants(type)).ToList();
        if (wanting.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var body = JsonSerializer.Serialize(new { id = eventId, type, created = now.ToUnixTimeSeconds(), data }, Json);
        var insert = database.Dialect == SqlDialect.Postgres
            ? "INSERT INTO outbound_deliveries (id, destination, event_id, event_type, body, status, attempts, created_at, next_attempt_at) VALUES (@Id, @Destination, @EventId, @Type, @Body, 'pending', 0, @Now, @Now) ON CONFLICT (destination, event_id) DO NOTHING"
            : "INSERT OR IGNORE INTO outbound_deliveries (id, destination, event_id, event_type, body, status, attempts, created_at, next_attempt_at) VALUES (@Id, @Destination, @EventId, @Type, @Body, 'pending', 0, @Now, @Now)";
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var destination in wanting)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                insert,
                new { Id = "odl_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)).ToLowerInvariant(), Destination = destination.Name, EventId = eventId, Type = type, Body = body, Now = now.ToUnixTimeMilliseconds() },
                cancellationToken: cancellationToken));
        }
    }

    /// <summary>Due deliveries this host now holds (leased for <paramref name="lease"/>; another host skips them).</summary>
    public async Task<IReadOnlyList<DueDelivery>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var due = await connection.QueryAsync<DueRow>(new CommandDefinition(
            $"SELECT id AS Id, destination AS Destination, event_id AS EventId, event_type AS EventType, body AS Body, attempts AS Attempts FROM outbound_deliveries WHERE status = 'pending' AND next_attempt_at <= @now AND (lease_until IS NULL OR lease_until < @now) ORDER BY next_attempt_at LIMIT {max}",
            new { now },
            cancellationToken: cancellationToken));
        var claimed = new List<DueDelivery>();
        foreach (var row in due)
        {
            var taken = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE outbound_deliveries SET lease_until = @until WHERE id = @id AND status = 'pending' AND (lease_until IS NULL OR lease_until < @now)",
                new { id = row.Id, now, until = now + (long)lease.TotalMilliseconds },
                cancellationToken: cancellationToken));
            if (taken == 1)
            {
                claimed.Add(new DueDelivery(row.Id, row.Destination, row.EventId, row.EventType, row.Body, (int)row.Attempts));
            }
        }

        return claimed;
    }

    public async Task RecordAsync(DueDelivery delivery, int? httpStatus, string? error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        var delivered = error is null;
        var givenUp = !delivered && attempts >= options.Value.MaxAttempts;
        var wait = TimeSpan.FromMilliseconds(Math.Min(3_600_000d, options.Value.RetryBaseMilliseconds * Math.Pow(2, attempts - 1)));
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE outbound_deliveries SET status = @status, attempts = @attempts, lease_until = NULL, last_status = @httpStatus, last_error = @error, next_attempt_at = @next, delivered_at = @deliveredAt WHERE id = @id",
            new
            {
                id = delivery.Id,
                status = delivered ? OutboundDeliveryStatus.Delivered : givenUp ? OutboundDeliveryStatus.Failed : OutboundDeliveryStatus.Pending,
                attempts = (long)attempts,
                httpStatus = (long?)httpStatus,
                error,
                next = (now + wait).ToUnixTimeMilliseconds(),
                deliveredAt = delivered ? now.ToUnixTimeMilliseconds() : (long?)null,
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>The delivery log, newest first.</summary>
    public async Task<IReadOnlyList<OutboundDelivery>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LogRow>(new CommandDefinition(
            $"SELECT id AS Id, destination AS Destination, event_id AS EventId, event_type AS EventType, status AS Status, attempts AS Attempts, created_at AS CreatedAt, next_attempt_at AS NextAttemptAt, last_status AS LastStatus, last_error AS LastError, delivered_at AS DeliveredAt FROM outbound_deliveries ORDER BY created_at DESC, id LIMIT {limit}",
            cancellationToken: cancellationToken));
        return rows.Select(r => new OutboundDelivery(
            r.Id,
            r.Destination,
            r.EventId,
            r.EventType,
            r.Status,
            (int)r.Attempts,
            DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedAt),
            r.Status == OutboundDeliveryStatus.Pending ? DateTimeOffset.FromUnixTimeMilliseconds(r.NextAttemptAt) : null,
            (int?)r.LastStatus,
            r.LastError,
            r.DeliveredAt is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null)).ToList();
    }

    private sealed record DueRow(string Id, string Destination, string EventId, string EventType, string Body, long Attempts);

    private sealed record LogRow(string Id, string Destination, string EventId, string EventType, string Status, long Attempts, long CreatedAt, long NextAttemptAt, long? LastStatus, string? LastError, long? DeliveredAt);
}

/// <summary>A delivery a host holds the lease on.</summary>
internal sealed record DueDelivery(string Id, string Destination, string EventId, string EventType, string Body, int Attempts);
