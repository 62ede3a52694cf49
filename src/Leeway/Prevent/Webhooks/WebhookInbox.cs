using Dapper;
using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Prevent.Webhooks;

/// <summary>
/// The durable inbox: every verified event is stored under its Stripe event id before it is acknowledged.
/// Storing is one <c>INSERT … ON CONFLICT DO NOTHING</c> (never check-then-insert), so a redelivered event is recognized
/// atomically. A worker claims a row with a lease before processing it; a crashed worker's lease expires and the row is
/// processed again, so an event that was stored is never lost.
/// </summary>
internal sealed class WebhookInbox(Database database, GroupCommit writes, TimeProvider time, IOptions<PreventOptions> options)
{
    public const string Received = "received";
    public const string Processed = "processed";
    public const string Failed = "failed";

    private const string Columns = "event_id AS EventId, type AS Type, object_id AS ObjectId, customer_id AS CustomerId, payload AS Payload, stripe_created AS StripeCreated";

    /// <summary>Stores the event, reserved for the caller's worker (<see cref="TryClaimQueuedAsync"/>) for one lease: recovery
    /// takes it only if the reservation expires unclaimed (the host died with the event still queued).</summary>
    /// <returns>False when an event with this id was stored before: a redelivery.</returns>
    public async Task<bool> TryStoreAsync(InboxEvent e, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var inserted = await writes.ExecuteAsync(
            """
            INSERT INTO prevent_inbox (event_id, type, object_id, customer_id, payload, stripe_created, received_at, status, attempts, lease_until)
            VALUES (@EventId, @Type, @ObjectId, @CustomerId, @Payload, @StripeCreated, @Now, 'received', 0, @LeaseUntil)
            ON CONFLICT (event_id) DO NOTHING
            """,
            new
            {
                e.EventId,
                e.Type,
                e.ObjectId,
                e.CustomerId,
                e.Payload,
                StripeCreated = e.StripeCreated.ToUnixTimeMilliseconds(),
                Now = now.ToUnixTimeMilliseconds(),
                LeaseUntil = LeaseUntil(now),
            },
            cancellationToken);
        return inserted == 1;
    }

    /// <summary>Whether an event of one of <paramref name="types"/> about this object was ever received.</summary>
    public async Task<bool> AnyOfTypeAsync(string objectId, IReadOnlyCollection<string> types, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM prevent_inbox WHERE object_id = @objectId AND {database.Dialect.AnyOf("type", "@types")}",
            new { objectId, types = types.ToArray() },
            cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Claims an event queued on this host: one it stored and reserved (never attempted), or one that is due and not
    /// claimed by a live worker (a redelivery of an event whose processing failed or died).</summary>
    /// <returns>False when someone else took it or it is finished.</returns>
    public async Task<bool> TryClaimQueuedAsync(string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await writes.ExecuteAsync(
            """
            UPDATE prevent_inbox SET attempts = attempts + 1, lease_until = @LeaseUntil
            WHERE event_id = @EventId
              AND ((status = 'received' AND attempts = 0)
                OR ((lease_until IS NULL OR lease_until <= @Now)
                  AND (status = 'received' OR (status = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= @Now))))
            """,
            new { EventId = eventId, Now = now.ToUnixTimeMilliseconds(), LeaseUntil = LeaseUntil(now) },
            cancellationToken);
        return claimed == 1;
    }

    /// <summary>Whether a stored event is due for processing and not claimed by a live worker (a redelivery may then
    /// finish what a failed or dead attempt did not).</summary>
    public async Task<bool> IsDueAsync(string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT 1 FROM prevent_inbox
            WHERE event_id = @EventId
              AND (lease_until IS NULL OR lease_until <= @Now)
              AND (status = 'received' OR (status = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= @Now))
            """,
            new { EventId = eventId, Now = now },
            cancellationToken: cancellationToken)) is not null;
    }

    /// <summary>Claims a stored event that is due for processing (new, or failed and due again) and not claimed by a live worker.</summary>
    /// <returns>The event, or null when it is processed, given up on, not due, or claimed by someone else.</returns>
    public async Task<InboxEvent?> TryClaimAsync(string eventId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<InboxRow>(new CommandDefinition(
            $"""
            UPDATE prevent_inbox SET attempts = attempts + 1, lease_until = @LeaseUntil
            WHERE event_id = @EventId
              AND (lease_until IS NULL OR lease_until <= @Now)
              AND (status = 'received' OR (status = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= @Now))
            RETURNING {Columns}
            """,
            new { EventId = eventId, Now = now.ToUnixTimeMilliseconds(), LeaseUntil = LeaseUntil(now) },
            cancellationToken: cancellationToken));
        return row?.ToEvent();
    }

    /// <summary>Events that are due for processing and not claimed by a live worker, oldest first.</summary>
    public async Task<IReadOnlyList<string>> ListDueAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT event_id FROM prevent_inbox
            WHERE (status = 'received' OR (status = 'failed' AND next_attempt_at IS NOT NULL AND next_attempt_at <= @Now))
              AND (lease_until IS NULL OR lease_until <= @Now)
            ORDER BY stripe_created, received_at
            LIMIT @Limit
            """,
            new { Now = now, Limit = limit },
            cancellationToken: cancellationToken));
        return ids.AsList();
    }

    public Task MarkProcessedAsync(string eventId, CancellationToken cancellationToken) =>
        writes.ExecuteAsync(
            "UPDATE prevent_inbox SET status = 'processed', processed_at = @Now, lease_until = NULL, next_attempt_at = NULL, last_error = NULL WHERE event_id = @EventId",
            new { EventId = eventId, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken);

    /// <summary>Records a failed attempt: due again after a back-off (1, 2, 4 … minutes, at most an hour), or given up on
    /// after <see cref="PreventOptions.MaxAttempts"/>.</summary>
    public async Task MarkFailedAsync(string eventId, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var attempts = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT attempts FROM prevent_inbox WHERE event_id = @EventId", new { EventId = eventId }, cancellationToken: cancellationToken));
        long? next = attempts >= options.Value.MaxAttempts
            ? null
            : now.Add(Backoff.Exponential(attempts, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1))).ToUnixTimeMilliseconds();
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE prevent_inbox SET status = 'failed', lease_until = NULL, next_attempt_at = @Next, last_error = @Error WHERE event_id = @EventId",
            new { EventId = eventId, Next = next, Error = Truncate(error) },
            cancellationToken: cancellationToken));
    }

    public async Task<InboxStatus?> StatusAsync(string eventId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(string EventId, string Status, long Attempts, long? NextAttemptAt, string? LastError)>(new CommandDefinition(
            "SELECT event_id, status, attempts, next_attempt_at, last_error FROM prevent_inbox WHERE event_id = @EventId",
            new { EventId = eventId },
            cancellationToken: cancellationToken));
        return row.EventId is null
            ? null
            : new InboxStatus(row.EventId, row.Status, (int)row.Attempts, row.NextAttemptAt is { } n ? DateTimeOffset.FromUnixTimeMilliseconds(n) : null, row.LastError);
    }

    /// <summary>How many events are in each status (for tests, benchmarks and operators).</summary>
    public async Task<IReadOnlyDictionary<string, int>> CountByStatusAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Status, long Count)>(new CommandDefinition(
            "SELECT status, COUNT(*) FROM prevent_inbox GROUP BY status", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Status, r => (int)r.Count);
    }

    private long LeaseUntil(DateTimeOffset now) => now.AddSeconds(options.Value.LeaseSeconds).ToUnixTimeMilliseconds();

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    private sealed class InboxRow
    {
        public string EventId { get; set; } = "";

        public string Type { get; set; } = "";

        public string? ObjectId { get; set; }

        public string? CustomerId { get; set; }

        public string Payload { get; set; } = "";

        public long StripeCreated { get; set; }

        public InboxEvent ToEvent() => new(EventId, Type, ObjectId, CustomerId, Payload, DateTimeOffset.FromUnixTimeMilliseconds(StripeCreated));
    }
}
