using System.Data.Common;
using Dapper;
using Leeway.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Leeway.Audit;

/// <summary>
/// The audit log over the product database (SQLite or PostgreSQL). Appends take an in-process single-writer lock and
/// run in one transaction (read the tail, insert seq+1, move the head); <c>seq</c> is the primary key, so a writer in
/// another process that raced us fails on the insert and retries on the new tail: the chain never forks.
/// A multi-instance deployment on PostgreSQL relies on that constraint (or an advisory lock) rather than this process lock.
/// After each append the new head goes to the signed <see cref="AuditCheckpoint"/>, outside the database.
/// </summary>
internal sealed class SqlAuditLog(Database database, TimeProvider time, AuditCheckpoint? checkpoint = null) : IAuditLog, IDisposable
{
    private const int MaxConflicts = 20;
    private readonly SemaphoreSlim _writer = new(1, 1);

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var entry = await TryAppendAsync(record, cancellationToken);
                    // Still under the writer lock, so this host's checkpoint only moves forward.
                    checkpoint?.Write(entry.Seq, entry.Hash);
                    return entry;
                }
                catch (DbException e) when (IsUniqueViolation(e) && attempt < MaxConflicts)
                {
                    // Another process appended first; take the new tail.
                }
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> entries after <paramref name="afterSeq"/>, oldest first, on a connection the caller
    /// holds (a data migration's, inside its transaction): how another capability reads the log back without its table.
    /// </summary>
    public static async Task<IReadOnlyList<AuditEntry>> ReadAfterAsync(
        DbConnection connection, DbTransaction? transaction, long afterSeq, int max, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT {AuditRow.Columns} FROM audit_log WHERE seq > @afterSeq ORDER BY seq LIMIT @max",
            new { afterSeq, max },
            transaction,
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        if (query.Customer is not null)
        {
            where.Add("customer = @Customer");
        }

        if (query.Principal is not null)
        {
            where.Add("principal = @Principal");
        }

        if (query.Action is not null)
        {
            where.Add("action = @Action");
        }

        if (query.Decision is not null)
        {
            where.Add("decision = @Decision");
        }

        if (query.BeforeSeq is not null)
        {
            where.Add("seq < @BeforeSeq");
        }

        var sql = $"SELECT {AuditRow.Columns} FROM audit_log {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY seq DESC LIMIT @Limit";
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(sql, new
        {
            query.Customer,
            query.Principal,
            query.Action,
            query.Decision,
            query.BeforeSeq,
            Limit = Math.Clamp(query.Limit, 1, 10_000),
        }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).Reverse().ToList();
    }

    public async Task<IReadOnlyList<AuditEntry>> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            $"SELECT {AuditRow.Columns} FROM audit_log WHERE idempotency_key = @idempotencyKey ORDER BY seq",
            new { idempotencyKey },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEntry()).ToList();
    }

    public void Dispose() => _writer.Dispose();

    private async Task<AuditEntry> TryAppendAsync(AuditRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var tail = (await connection.QueryAsync<(long Seq, string Hash)>(new CommandDefinition(
            "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1", transaction: transaction, cancellationToken: cancellationToken))).ToList();
        var seq = (tail.Count > 0 ? tail[0].Seq : 0) + 1;
        var prevHash = tail.Count > 0 ? tail[0].Hash : AuditHash.Genesis;
        var at = time.GetUtcNow().ToUnixTimeMilliseconds();
        var hash = AuditHash.Compute(seq, at, record, prevHash);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO audit_log (seq, at, actor, principal, customer, action, parameters, rule, decision, idempotency_key, stripe_request_id, outcome, approved_by, prev_hash, hash)
            VALUES (@seq, @at, @Actor, @Principal, @Customer, @Action, @Parameters, @Rule, @Decision, @IdempotencyKey, @StripeRequestId, @Outcome, @ApprovedBy, @prevHash, @hash)
            """,
            new
            {
                seq,
                at,
                record.Actor,
                record.Principal,
                record.Customer,
                record.Action,
                record.Parameters,
                record.Rule,
                record.Decision,
                record.IdempotencyKey,
                record.StripeRequestId,
                record.Outcome,
                record.ApprovedBy,
                prevHash,
                hash,
            },
            transaction: transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash) ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash",
            new { seq, hash },
            transaction: transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return new AuditEntry(
            seq, DateTimeOffset.FromUnixTimeMilliseconds(at), record.Actor, record.Principal, record.Customer, record.Action, record.Parameters,
            record.Rule, record.Decision, record.IdempotencyKey, record.StripeRequestId, record.Outcome, record.ApprovedBy, prevHash, hash);
    }

    private static bool IsUniqueViolation(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 } || e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
