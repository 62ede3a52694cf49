using System.Threading.Channels;
using Dapper;
using Leeway.Storage;

namespace Leeway.Prevent;

/// <summary>
/// Group commit for Tier 0's small, hot writes (storing an event, marking it processed, marking a nudge sent). Each
/// commit waits for the disk; on a renewal-day burst, hundreds of concurrent deliveries would queue for it one by one.
/// Here, writes that arrive while a commit is in flight share the next transaction, so one flush acknowledges many.
/// A write's task completes only after its transaction committed; one failing write does not fail the others.
/// </summary>
internal sealed class GroupCommit : IAsyncDisposable
{
    private const int MaxBatch = 256;

    private readonly Database _database;
    private readonly ILogger<GroupCommit> _logger;
    private readonly Channel<Write> _writes = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GroupCommit(Database database, ILogger<GroupCommit> logger)
    {
        _database = database;
        _logger = logger;
        _loop = Task.Run(LoopAsync);
    }

    /// <returns>The statement's affected-row count, once committed.</returns>
    public Task<int> ExecuteAsync(string sql, object parameters, CancellationToken cancellationToken)
    {
        var write = new Write(sql, parameters, new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_writes.Writer.TryWrite(write), this);

        // A caller that gives up stops waiting; the write itself still commits (it is idempotent, like every Tier 0 write).
        return write.Done.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _loop;
    }

    private async Task LoopAsync()
    {
        var batch = new List<Write>(MaxBatch);
        while (await _writes.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var write))
            {
                batch.Add(write);
            }

            try
            {
                var results = await CommitAsync(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception error) when (batch.Count > 1)
            {
                _logger.LogWarning(error, "A group of {Count} writes failed; committing each alone", batch.Count);
                foreach (var write in batch)
                {
                    await CommitAloneAsync(write);
                }
            }
            catch (Exception error)
            {
                batch[0].Done.TrySetException(error);
            }
        }
    }

    private async Task CommitAloneAsync(Write write)
    {
        try
        {
            write.Done.TrySetResult((await CommitAsync([write]))[0]);
        }
        catch (Exception error)
        {
            write.Done.TrySetException(error);
        }
    }

    private async Task<int[]> CommitAsync(IReadOnlyList<Write> batch)
    {
        var results = new int[batch.Count];
        await using var connection = await _database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        for (var i = 0; i < batch.Count; i++)
        {
            results[i] = await connection.ExecuteAsync(batch[i].Sql, batch[i].Parameters, transaction);
        }

        await transaction.CommitAsync();
        return results;
    }

    private sealed record Write(string Sql, object Parameters, TaskCompletionSource<int> Done);
}
