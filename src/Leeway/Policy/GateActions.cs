using System.Data.Common;
using System.Text.Json.Nodes;
using Dapper;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Policy;

/// <summary>The <c>gate_actions</c> table (<see cref="PolicySchema"/>): the gate writes it, everyone else reads it through <see cref="IGateActions"/>.</summary>
internal sealed class GateActions(Database database, IdGenerator ids) : IGateActions
{
    private const string Columns = """
        id AS Id, at AS At, actor AS Actor, principal AS Principal, customer_id AS CustomerId, action AS Action,
        parameters AS Parameters, decision AS Decision, rule AS Rule, message AS Message, succeeded AS Succeeded,
        amount AS Amount, currency AS Currency, result_object_id AS ResultObjectId, result_status AS ResultStatus,
        idempotency_key AS IdempotencyKey, decision_key AS DecisionKey, approved_by AS ApprovedBy, audit_seq AS AuditSeq,
        replay_of AS ReplayOf
        """;

    public string NewId() => ids.NewId("gact");

    /// <summary>Writes the record, or rewrites it in place when its id is already there (a pending decision's answer).</summary>
    public async Task WriteAsync(GateActionRecord record, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO gate_actions (id, at, actor, principal, customer_id, action, parameters, decision, rule, message, succeeded,
                amount, currency, result_object_id, result_status, idempotency_key, decision_key, approved_by, audit_seq, replay_of)
            VALUES (@Id, @At, @Actor, @Principal, @CustomerId, @Action, @Parameters, @Decision, @Rule, @Message, @Succeeded,
                @Amount, @Currency, @ResultObjectId, @ResultStatus, @IdempotencyKey, @DecisionKey, @ApprovedBy, @AuditSeq, @ReplayOf)
            ON CONFLICT (id) DO UPDATE SET decision = excluded.decision, rule = excluded.rule, message = excluded.message,
                succeeded = excluded.succeeded, amount = excluded.amount, currency = excluded.currency,
                result_object_id = excluded.result_object_id, result_status = excluded.result_status,
                approved_by = excluded.approved_by, audit_seq = excluded.audit_seq, replay_of = excluded.replay_of
            """,
            Row.From(record),
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Writes the record on a connection the caller holds unless a row with its id, or one for its audit entry, is there
    /// already (a backfill run again adds nothing): true when it was written.
    /// </summary>
    public static async Task<bool> AddMissingAsync(DbConnection connection, DbTransaction? transaction, GateActionRecord record, CancellationToken cancellationToken)
    {
        if (record.AuditEntryId is { } seq && await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM gate_actions WHERE audit_seq = @seq", new { seq }, transaction, cancellationToken: cancellationToken)) > 0)
        {
            return false;
        }

        return await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO gate_actions (id, at, actor, principal, customer_id, action, parameters, decision, rule, message, succeeded,
                amount, currency, result_object_id, result_status, idempotency_key, decision_key, approved_by, audit_seq, replay_of)
            VALUES (@Id, @At, @Actor, @Principal, @CustomerId, @Action, @Parameters, @Decision, @Rule, @Message, @Succeeded,
                @Amount, @Currency, @ResultObjectId, @ResultStatus, @IdempotencyKey, @DecisionKey, @ApprovedBy, @AuditSeq, @ReplayOf)
            ON CONFLICT (id) DO NOTHING
            """,
            Row.From(record),
            transaction,
            cancellationToken: cancellationToken)) > 0;
    }

    public async Task<IReadOnlyList<GateActionRecord>> ListForCustomerAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM gate_actions WHERE customer_id = @customerId AND at >= @since ORDER BY at DESC, audit_seq DESC",
            new { customerId, since = since.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        // Same millisecond: the later audit entry first; a pending one (no entry yet) is the newest of all.
        return rows.OrderByDescending(r => r.At).ThenByDescending(r => r.AuditSeq ?? long.MaxValue).Select(r => r.ToRecord()).ToList();
    }

    public async Task<IReadOnlyDictionary<long, GateActionRecord>> FindByAuditEntriesAsync(IReadOnlyCollection<long> auditEntryIds, CancellationToken cancellationToken)
    {
        if (auditEntryIds.Count == 0)
        {
            return new Dictionary<long, GateActionRecord>();
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM gate_actions WHERE {database.Dialect.AnyOf("audit_seq", "@Seqs")}",
            new { Seqs = auditEntryIds.ToArray() },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToDictionary(r => r.AuditEntryId!.Value);
    }

    private sealed class Row
    {
        public string Id { get; set; } = "";
        public long At { get; set; }
        public string Actor { get; set; } = "";
        public string Principal { get; set; } = "";
        public string? CustomerId { get; set; }
        public string Action { get; set; } = "";
        public string Parameters { get; set; } = "{}";
        public string Decision { get; set; } = "";
        public string Rule { get; set; } = "";
        public string Message { get; set; } = "";
        public long Succeeded { get; set; }
        public long? Amount { get; set; }
        public string? Currency { get; set; }
        public string? ResultObjectId { get; set; }
        public string? ResultStatus { get; set; }
        public string IdempotencyKey { get; set; } = "";
        public string DecisionKey { get; set; } = "";
        public string? ApprovedBy { get; set; }
        public long? AuditSeq { get; set; }
        public long? ReplayOf { get; set; }

        public static Row From(GateActionRecord r) => new()
        {
            Id = r.Id,
            At = r.At.ToUnixTimeMilliseconds(),
            Actor = r.Actor,
            Principal = r.Principal,
            CustomerId = r.CustomerId,
            Action = WireName.Of(r.Action.Type),
            Parameters = ActionParameters.Canonical(r.Action),
            Decision = WireName.Of(r.Decision),
            Rule = r.Rule,
            Message = r.Message,
            Succeeded = r.Succeeded ? 1 : 0,
            Amount = r.Amount,
            Currency = r.Currency,
            ResultObjectId = r.ResultObjectId,
            ResultStatus = r.ResultStatus,
            IdempotencyKey = r.IdempotencyKey,
            DecisionKey = r.DecisionKey,
            ApprovedBy = r.ApprovedBy,
            AuditSeq = r.AuditEntryId,
            ReplayOf = r.ReplayOf,
        };

        public GateActionRecord ToRecord()
        {
            var type = WireName.Parse<ActionType>(Action);
            return new GateActionRecord(
                Id,
                DateTimeOffset.FromUnixTimeMilliseconds(At),
                Actor,
                Principal,
                CustomerId,
                ActionParameters.FromJson(type, JsonNode.Parse(Parameters) as JsonObject ?? []),
                WireName.Parse<GateDecision>(Decision),
                Rule,
                Message,
                Succeeded != 0,
                Amount,
                Currency,
                ResultObjectId,
                ResultStatus,
                IdempotencyKey,
                DecisionKey,
                ApprovedBy,
                AuditSeq,
                ReplayOf);
        }
    }
}
