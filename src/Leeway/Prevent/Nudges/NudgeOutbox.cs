using Dapper;
using Leeway.Diagnostics;
using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Prevent.Nudges;

/// <summary>
/// The nudge outbox. A nudge is stored before it is sent, so a crash between deciding and sending loses nothing, and a
/// pending e-mail is sent by whoever claims it next. At most one nudge per (customer, reason, object, channel) within
/// <see cref="PreventOptions.NudgeDedupeHours"/> on the injected clock: the slot is taken by one conditional upsert,
/// atomic on SQLite and PostgreSQL alike, never by a check followed by an insert.
/// </summary>
internal sealed class NudgeOutbox(Database database, GroupCommit writes, TimeProvider time, IdGenerator ids, IOptions<PreventOptions> options) : INudgeStore
{
    private const string Columns =
        "id AS Id, customer_id AS CustomerId, channel AS Channel, reason AS Reason, object_id AS ObjectId, link AS Link, state AS State, " +
        "created_at AS CreatedAt, sent_at AS SentAt, subject AS Subject, body AS Body, recipient AS Recipient";

    /// <summary>Stores the nudge on each channel whose slot is free: e-mail (when there is an address) and in-app.</summary>
    /// <returns>The nudges stored; e-mails come back <c>pending</c> and already claimed by the caller, who sends them next.</returns>
    public async Task<IReadOnlyList<StoredNudge>> CreateAsync(NudgeDraft draft, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var cutoff = now.AddHours(-options.Value.NudgeDedupeHours).ToUnixTimeMilliseconds();
        string[] channels = draft.Email is null ? [NudgeChannel.InApp] : [NudgeChannel.Email, NudgeChannel.InApp];
        var created = new List<StoredNudge>();

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var channel in channels)
        {
            var id = ids.NewId("ndg");
            var taken = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                """
                INSERT INTO prevent_nudge_slots (slot, nudge_id, taken_at) VALUES (@Slot, @Id, @Now)
                ON CONFLICT (slot) DO UPDATE SET nudge_id = excluded.nudge_id, taken_at = excluded.taken_at
                WHERE prevent_nudge_slots.taken_at <= @Cutoff
                RETURNING nudge_id
                """,
                new { Slot = Slot(draft, channel), Id = id, Now = nowMs, Cutoff = cutoff },
                transaction,
                cancellationToken: cancellationToken));
            if (taken != id)
            {
                continue;
            }

            var inApp = channel == NudgeChannel.InApp;
            var nudge = new Nudge(id, draft.CustomerId, channel, draft.Reason, draft.ObjectId, draft.Link, inApp ? NudgeState.Sent : NudgeState.Pending, now, inApp ? now : null);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO prevent_nudges (id, customer_id, channel, reason, object_id, link, subject, body, recipient, state, source, attempts, lease_until, created_at, sent_at)
                VALUES (@Id, @CustomerId, @Channel, @Reason, @ObjectId, @Link, @Subject, @Body, @Recipient, @State, @Source, @Attempts, @LeaseUntil, @Now, @SentAt)
                """,
                new
                {
                    nudge.Id,
                    nudge.CustomerId,
                    nudge.Channel,
                    Reason = WireName.Of(nudge.Reason),
                    nudge.ObjectId,
                    nudge.Link,
                    draft.Subject,
                    draft.Body,
                    Recipient = inApp ? null : draft.Email,
                    nudge.State,
                    draft.Source,
                    Attempts = inApp ? 0 : 1,
                    LeaseUntil = inApp ? (long?)null : LeaseUntil(now),
                    Now = nowMs,
                    SentAt = inApp ? nowMs : (long?)null,
                },
                transaction,
                cancellationToken: cancellationToken));
            created.Add(new StoredNudge(nudge, draft.Subject, draft.Body, inApp ? null : draft.Email));
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    /// <summary>Whether a nudge with this reason about this object could still go out on some channel (a cheap look before
    /// asking Stripe for a fresh link; <see cref="CreateAsync"/> is what decides).</summary>
    public async Task<bool> AnySlotFreeAsync(string customerId, RootCause reason, string objectId, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().AddHours(-options.Value.NudgeDedupeHours).ToUnixTimeMilliseconds();
        var probe = new NudgeDraft(customerId, reason, objectId, null, "", "", null, "");
        await using var connection = await database.OpenAsync(cancellationToken);
        var taken = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM prevent_nudge_slots WHERE {database.Dialect.AnyOf("slot", "@Slots")} AND taken_at > @Cutoff",
            new { Slots = new[] { Slot(probe, NudgeChannel.Email), Slot(probe, NudgeChannel.InApp) }, Cutoff = cutoff },
            cancellationToken: cancellationToken));
        return taken < 2;
    }

    public async Task<IReadOnlyList<Nudge>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken) =>
        (await ListStoredAsync(customerId, channel: null, cancellationToken)).Select(n => n.Nudge).ToList();

    /// <summary>A customer's nudges, oldest first, on one channel or all.</summary>
    public async Task<IReadOnlyList<StoredNudge>> ListStoredAsync(string customerId, string? channel, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NudgeRow>(new CommandDefinition(
            $"SELECT {Columns} FROM prevent_nudges WHERE customer_id = @CustomerId AND (@Channel IS NULL OR channel = @Channel) ORDER BY created_at, channel, id",
            new { CustomerId = customerId, Channel = channel },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToList();
    }

    /// <summary>Claims pending e-mails that are due (never tried, or failed and due again) and not held by a live worker.</summary>
    public async Task<IReadOnlyList<StoredNudge>> ClaimDueEmailsAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<NudgeRow>(new CommandDefinition(
            $"""
            UPDATE prevent_nudges SET attempts = attempts + 1, lease_until = @LeaseUntil
            WHERE id IN (
                SELECT id FROM prevent_nudges
                WHERE state = 'pending' AND channel = 'email'
                  AND (lease_until IS NULL OR lease_until <= @Now)
                  AND (next_attempt_at IS NULL OR next_attempt_at <= @Now)
                ORDER BY created_at
                LIMIT @Limit)
              AND state = 'pending' AND (lease_until IS NULL OR lease_until <= @Now)
            RETURNING {Columns}
            """,
            new { Now = now.ToUnixTimeMilliseconds(), LeaseUntil = LeaseUntil(now), Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToStored()).ToList();
    }

    public Task MarkSentAsync(string nudgeId, CancellationToken cancellationToken) =>
        writes.ExecuteAsync(
            "UPDATE prevent_nudges SET state = 'sent', sent_at = @Now, lease_until = NULL, next_attempt_at = NULL, last_error = NULL WHERE id = @Id",
            new { Id = nudgeId, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken);

    /// <summary>Records a failed send: due again after a back-off, or <c>failed</c> after <see cref="PreventOptions.MaxAttempts"/>.</summary>
    public async Task MarkSendFailedAsync(string nudgeId, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var attempts = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT attempts FROM prevent_nudges WHERE id = @Id", new { Id = nudgeId }, cancellationToken: cancellationToken));
        var givingUp = attempts >= options.Value.MaxAttempts;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE prevent_nudges SET state = CASE WHEN @GivingUp THEN 'failed' ELSE state END,
                lease_until = NULL, next_attempt_at = @Next, last_error = @Error
            WHERE id = @Id AND state = 'pending'
            """,
            new
            {
                Id = nudgeId,
                GivingUp = givingUp,
                Next = givingUp ? (long?)null : now.Add(Backoff.Exponential(attempts, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1))).ToUnixTimeMilliseconds(),
                Error = error.Length <= 2000 ? error : error[..2000],
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>The problem these nudges were about is gone: pending e-mails are cancelled, in-app nudges resolved
    /// (the dashboard stops showing them). Sent e-mails stay as they are: they went out.</summary>
    /// <returns>How many nudges changed.</returns>
    public async Task<int> ResolveAsync(string customerId, IReadOnlyCollection<string> objectIds, IReadOnlyCollection<RootCause>? reasons, CancellationToken cancellationToken)
    {
        if (objectIds.Count == 0)
        {
            return 0;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE prevent_nudges
            SET state = CASE WHEN state = 'pending' THEN 'cancelled' ELSE 'resolved' END, lease_until = NULL, next_attempt_at = NULL
            WHERE customer_id = @CustomerId AND {database.Dialect.AnyOf("object_id", "@ObjectIds")}
              AND (state = 'pending' OR (state = 'sent' AND channel = 'in_app'))
              {(reasons is null ? "" : "AND " + database.Dialect.AnyOf("reason", "@Reasons"))}
            """,
            new { CustomerId = customerId, ObjectIds = objectIds.ToArray(), Reasons = reasons?.Select(WireName.Of).ToArray() ?? [] },
            cancellationToken: cancellationToken));
    }

    private long LeaseUntil(DateTimeOffset now) => now.AddSeconds(options.Value.LeaseSeconds).ToUnixTimeMilliseconds();

    private static string Slot(NudgeDraft draft, string channel) => $"{draft.CustomerId}|{WireName.Of(draft.Reason)}|{draft.ObjectId}|{channel}";

    private sealed class NudgeRow
    {
        public string Id { get; set; } = "";

        public string CustomerId { get; set; } = "";

        public string Channel { get; set; } = "";

        public string Reason { get; set; } = "";

        public string ObjectId { get; set; } = "";

        public string? Link { get; set; }

        public string State { get; set; } = "";

        public long CreatedAt { get; set; }

        public long? SentAt { get; set; }

        public string Subject { get; set; } = "";

        public string Body { get; set; } = "";

        public string? Recipient { get; set; }

        public StoredNudge ToStored() => new(
            new Nudge(Id, CustomerId, Channel, RootCauses.Parse(Reason), ObjectId, Link, State, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt), SentAt is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null),
            Subject,
            Body,
            Recipient);
    }
}
