using System.Data.Common;
using Dapper;
using Leeway.Storage;

namespace Leeway.Humans;

internal sealed class CaseEvents(Database database, IEnumerable<ICaseEventObserver> observers, ILogger<CaseEvents> logger) : ICaseEvents
{
    public async Task<IReadOnlyList<CaseEvent>> ListAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EventRow>(new CommandDefinition(
            "SELECT id AS Id, case_id AS CaseId, at AS At, actor AS Actor, kind AS Kind, detail AS Detail FROM case_events WHERE case_id = @caseId ORDER BY id",
            new { caseId },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToEvent()).ToList();
    }

    /// <summary>Writes an event inside the caller's transaction, so the change and its record commit together.</summary>
    public async Task<CaseEvent> InsertAsync(DbConnection connection, DbTransaction transaction, string caseId, DateTimeOffset at, string actor, string kind, string? detail, CancellationToken cancellationToken)
    {
        var row = new EventRow { CaseId = caseId, At = at.ToUnixTimeMilliseconds(), Actor = actor, Kind = kind, Detail = detail };
        row.Id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "INSERT INTO case_events (case_id, at, actor, kind, detail) VALUES (@CaseId, @At, @Actor, @Kind, @Detail) RETURNING id",
            row,
            transaction,
            cancellationToken: cancellationToken));
        return row.ToEvent();
    }

    /// <summary>Tells the observers (the audit hook) after the change committed.</summary>
    public async Task PublishAsync(IEnumerable<CaseEvent> events, CancellationToken cancellationToken)
    {
        foreach (var caseEvent in events)
        {
            foreach (var observer in observers)
            {
                try
                {
                    await observer.OnRecordedAsync(caseEvent, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "Case event observer {Observer} failed on event {EventId} of case {CaseId}", observer.GetType().Name, caseEvent.Id, caseEvent.CaseId);
                }
            }
        }
    }

    private sealed class EventRow
    {
        public long Id { get; set; }
        public string CaseId { get; set; } = "";
        public long At { get; set; }
        public string Actor { get; set; } = "";
        public string Kind { get; set; } = "";
        public string? Detail { get; set; }

        public CaseEvent ToEvent() => new(Id, CaseId, DateTimeOffset.FromUnixTimeMilliseconds(At), Actor, Kind, Detail);
    }
}
