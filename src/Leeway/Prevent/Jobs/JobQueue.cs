using Dapper;
using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Prevent.Jobs;

/// <summary>
/// Jobs stored in the database with a due time. Scheduling is <c>INSERT … ON CONFLICT DO NOTHING</c> on the job key;
/// running claims due jobs with a lease, so two schedulers never run one job at once and a crashed one's jobs run later.
/// </summary>
internal sealed class JobQueue(Database database, TimeProvider time, IOptions<PreventOptions> options)
{
    public const string Pending = "pending";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    private const string Columns = "job_key AS Key, kind AS Kind, customer_id AS CustomerId, object_id AS ObjectId, due_at AS DueAt, attempts AS Attempts, data AS Data";

    /// <returns>False when a job with this key exists already (whatever its state).</returns>
    public async Task<bool> ScheduleAsync(string key, string kind, string? customerId, string? objectId, DateTimeOffset dueAt, string? data, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO prevent_jobs (job_key, kind, customer_id, object_id, due_at, status, attempts, data, created_at)
            VALUES (@Key, @Kind, @CustomerId, @ObjectId, @DueAt, 'pending', 0, @Data, @Now)
            ON CONFLICT (job_key) DO NOTHING
            """,
            new { Key = key, Kind = kind, CustomerId = customerId, ObjectId = objectId, DueAt = dueAt.ToUnixTimeMilliseconds(), Data = data, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Claims pending jobs due at the injected clock's now, earliest first.</summary>
    public async Task<IReadOnlyList<ScheduledJob>> ClaimDueAsync(int limit, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"""
            UPDATE prevent_jobs SET attempts = attempts + 1, lease_until = @LeaseUntil
            WHERE job_key IN (
                SELECT job_key FROM prevent_jobs
                WHERE status = 'pending' AND due_at <= @Now AND (lease_until IS NULL OR lease_until <= @Now)
                ORDER BY due_at
                LIMIT @Limit)
              AND status = 'pending' AND (lease_until IS NULL OR lease_until <= @Now)
            RETURNING {Columns}
            """,
            new { Now = now.ToUnixTimeMilliseconds(), LeaseUntil = now.AddSeconds(options.Value.LeaseSeconds).ToUnixTimeMilliseconds(), Limit = limit },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToJob()).OrderBy(j => j.DueAt).ToList();
    }

    public Task CompleteAsync(string key, string outcome, CancellationToken cancellationToken) =>
        FinishAsync(key, Done, outcome, cancellationToken);

    /// <summary>Records a failed run: due again after a back-off, or <c>failed</c> after <see cref="PreventOptions.MaxAttempts"/>.</summary>
    public async Task FailAsync(ScheduledJob job, string error, CancellationToken cancellationToken)
    {
        if (job.Attempts >= options.Value.MaxAttempts)
        {
            await FinishAsync(job.Key, Failed, error, cancellationToken);
            return;
        }

        var due = time.GetUtcNow().Add(Backoff.Exponential(job.Attempts, TimeSpan.FromMinutes(1), TimeSpan.FromHours(1)));
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE prevent_jobs SET due_at = @DueAt, lease_until = NULL, outcome = @Error WHERE job_key = @Key AND status = 'pending'",
            new { Key = job.Key, DueAt = due.ToUnixTimeMilliseconds(), Error = Truncate(error) },
            cancellationToken: cancellationToken));
    }

    /// <summary>Cancels pending jobs about an object (e.g. retries of an invoice that got paid). A job a worker is running
    /// is left to finish: it reads the object's current state itself (a retry that just paid the invoice records "paid").</summary>
    public async Task<int> CancelAsync(string objectId, string kind, string why, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE prevent_jobs SET status = 'cancelled', finished_at = @Now, outcome = @Why
            WHERE object_id = @ObjectId AND kind = @Kind AND status = 'pending' AND (lease_until IS NULL OR lease_until <= @Now)
            """,
            new { ObjectId = objectId, Kind = kind, Why = why, Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    /// <summary>Every job about an object, whatever its state, earliest first (for tests and operators).</summary>
    public async Task<IReadOnlyList<(ScheduledJob Job, string Status, string? Outcome)>> ListForObjectAsync(string objectId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"SELECT {Columns}, status AS Status, outcome AS Outcome FROM prevent_jobs WHERE object_id = @ObjectId ORDER BY due_at, job_key",
            new { ObjectId = objectId },
            cancellationToken: cancellationToken));
        return rows.Select(r => (r.ToJob(), r.Status, r.Outcome)).ToList();
    }

    /// <summary>Every job of a kind, whatever its state, earliest first (for tests and operators).</summary>
    public async Task<IReadOnlyList<(ScheduledJob Job, string Status, string? Outcome)>> ListOfKindAsync(string kind, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<JobRow>(new CommandDefinition(
            $"SELECT {Columns}, status AS Status, outcome AS Outcome FROM prevent_jobs WHERE kind = @Kind ORDER BY due_at, job_key",
            new { Kind = kind },
            cancellationToken: cancellationToken));
        return rows.Select(r => (r.ToJob(), r.Status, r.Outcome)).ToList();
    }

    private async Task FinishAsync(string key, string status, string outcome, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE prevent_jobs SET status = @Status, finished_at = @Now, lease_until = NULL, outcome = @Outcome WHERE job_key = @Key AND status = 'pending'",
            new { Key = key, Status = status, Outcome = Truncate(outcome), Now = time.GetUtcNow().ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
    }

    private static string Truncate(string text) => text.Length <= 2000 ? text : text[..2000];

    private sealed class JobRow
    {
        public string Key { get; set; } = "";

        public string Kind { get; set; } = "";

        public string? CustomerId { get; set; }

        public string? ObjectId { get; set; }

        public long DueAt { get; set; }

        public long Attempts { get; set; }

        public string? Data { get; set; }

        public string Status { get; set; } = "";

        public string? Outcome { get; set; }

        public ScheduledJob ToJob() => new(Key, Kind, CustomerId, ObjectId, DateTimeOffset.FromUnixTimeMilliseconds(DueAt), (int)Attempts, Data);
    }
}
