using System.Text.Json;
using Dapper;
using Leeway.Policy;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Humans;

/// <summary>
/// Cases in the database. The packet is JSON; every change locks the row, rewrites it and records its timeline event in
/// one transaction, so concurrent staff and agent writes never lose each other's lines.
/// </summary>
internal sealed class CaseStore(Database database, CaseEvents events, IdGenerator ids, TimeProvider time, IOptions<HumansOptions> options) : ICaseStore
{
    private const int MaxAttempts = 8;

    private const string Columns =
        """
        id AS Id, customer_id AS CustomerId, conversation_id AS ConversationId, reason AS Reason, source AS Source, status AS Status,
        risk AS Risk, risk_rank AS RiskRank, created_at AS CreatedAt, closed_at AS ClosedAt, closed_by AS ClosedBy,
        resolution AS Resolution, article_id AS ArticleId, packet AS Packet, revision AS Revision, assignee AS Assignee, hold AS Hold,
        customer_name AS CustomerName, customer_email AS CustomerEmail
        """;

    public async Task<Case> OpenAsync(string customerId, string reason, string source, string risk, HandoffPacket packet, CancellationToken cancellationToken, string? problem = null)
    {
        Require(customerId, nameof(customerId));
        Require(reason, nameof(reason));
        Require(source, nameof(source));
        ArgumentNullException.ThrowIfNull(packet);
        risk = string.IsNullOrWhiteSpace(risk) ? "normal" : risk.Trim().ToLowerInvariant();
        problem = string.IsNullOrWhiteSpace(problem) ? CaseProblem.Of(packet.Diagnosis) : problem;

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var now = time.GetUtcNow();
            var row = new CaseRow
            {
                Id = ids.NewId("case"),
                CustomerId = customerId,
                ConversationId = packet.ConversationId,
                Reason = reason,
                Source = source,
                Status = CaseStatus.Open,
                Risk = risk,
                RiskRank = PolicySettings.RiskRank(risk),
                CreatedAt = now.ToUnixTimeMilliseconds(),
                Packet = JsonSerializer.Serialize(packet),
                Revision = 1,
            };

            await using (var connection = await database.OpenAsync(cancellationToken))
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                var inserted = await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO cases (id, customer_id, conversation_id, reason, source, status, risk, risk_rank, created_at, packet, revision)
                    VALUES (@Id, @CustomerId, @ConversationId, @Reason, @Source, @Status, @Risk, @RiskRank, @CreatedAt, @Packet, @Revision)
                    ON CONFLICT DO NOTHING
                    """,
                    row,
                    transaction,
                    cancellationToken: cancellationToken));
                // The problem's key is taken in the same transaction: whoever commits first owns it, the other merges below.
                if (inserted == 1 && await connection.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO case_problems (customer_id, problem, case_id) VALUES (@CustomerId, @problem, @Id) ON CONFLICT DO NOTHING",
                        new { row.CustomerId, problem, row.Id },
                        transaction,
                        cancellationToken: cancellationToken)) == 1)
                {
                    var opened = await events.InsertAsync(connection, transaction, row.Id, now, source, CaseEventKind.Opened, reason, cancellationToken);
                    await transaction.CommitAsync(cancellationToken);
                    await events.PublishAsync([opened], cancellationToken);
                    return row.ToCase();
                }
            }

            // This conversation or this problem already has an open case: bring it up to date instead of opening a second one.
            var existing = await FindOpenAsync(customerId, packet.ConversationId, problem, cancellationToken);
            if (existing is null)
            {
                continue; // Closed in the meantime: open a fresh one.
            }

            var nothingNew = false;
            var merged = await UpdateAsync(existing.Id, current =>
            {
                if (current.Status != CaseStatus.Open)
                {
                    return null;
                }

                var older = current.ToCase().Packet;
                var combined = Merge(older, packet);
                if (combined.Transcript.Count == older.Transcript.Count && combined.ActionsAttempted.Count == older.ActionsAttempted.Count
                    && (packet.ConversationId is null || packet.ConversationId == older.ConversationId) && PolicySettings.RiskRank(risk) <= current.RiskRank)
                {
                    // A redelivered event or a rerun job: the case already says all of it; no second timeline entry.
                    nothingNew = true;
                    return null;
                }

                current.Packet = JsonSerializer.Serialize(combined);
                if (PolicySettings.RiskRank(risk) > current.RiskRank)
                {
                    current.Risk = risk;
                    current.RiskRank = PolicySettings.RiskRank(risk);
                }

                return [(source, CaseEventKind.Updated, reason)];
            }, cancellationToken);
            if (merged is { Changed: true } || (merged is not null && nothingNew))
            {
                return merged.Value.Row.ToCase();
            }
        }

        throw new InvalidOperationException($"Could not open a case for customer {customerId}: the open case of its conversation or problem kept changing.");
    }

    public async Task<Case?> GetAsync(string caseId, CancellationToken cancellationToken) =>
        (await ReadAsync(caseId, cancellationToken))?.ToCase();

    /// <summary>The case with what the contract does not carry: who closed it and the article its resolution became.</summary>
    public async Task<CaseRecord?> GetRecordAsync(string caseId, CancellationToken cancellationToken) =>
        await ReadAsync(caseId, cancellationToken) is { } row ? new CaseRecord(row.ToCase(), row.ClosedBy, row.ArticleId) : null;

    public async Task<IReadOnlyList<Case>> ListForCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(
            $"SELECT {Columns} FROM cases WHERE customer_id = @customerId ORDER BY created_at DESC, id",
            new { customerId },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToCase()).ToList();
    }

    public async Task<IReadOnlyList<Case>> QueueAsync(CancellationToken cancellationToken)
    {
        var queue = options.Value.Queue;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM cases WHERE status = @open
            ORDER BY created_at + CASE WHEN risk_rank >= 2 THEN @high WHEN risk_rank = 1 THEN @elevated ELSE @normal END, created_at, id
            """,
            new
            {
                open = CaseStatus.Open,
                high = queue.TargetMilliseconds(2),
                elevated = queue.TargetMilliseconds(1),
                normal = queue.TargetMilliseconds(0),
            },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToCase()).ToList();
    }

    public async Task<Case?> CloseAsync(string caseId, string staffId, string resolution, CancellationToken cancellationToken) =>
        (await CloseOnceAsync(caseId, staffId, resolution, cancellationToken)).Case;

    /// <summary>Closes the case if it is open. <c>Closed</c> says whether this call closed it (false: missing or already closed).</summary>
    public async Task<(Case? Case, bool Closed)> CloseOnceAsync(string caseId, string staffId, string resolution, CancellationToken cancellationToken)
    {
        Require(staffId, nameof(staffId));
        Require(resolution, nameof(resolution));
        var actor = Actor.Human(staffId).Name;
        var result = await UpdateAsync(caseId, row =>
        {
            if (row.Status != CaseStatus.Open)
            {
                return null;
            }

            row.Status = CaseStatus.Closed;
            row.ClosedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            row.ClosedBy = staffId;
            row.Resolution = resolution.Trim();
            row.Hold = null;
            return [(actor, CaseEventKind.Closed, row.Resolution)];
        }, cancellationToken);
        return result is { } r ? (r.Row.ToCase(), r.Changed) : (null, false);
    }

    public async Task<Case?> AddTranscriptLineAsync(string caseId, TranscriptLine line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        Require(line.From, "line.From");
        var result = await UpdateAsync(caseId, row =>
        {
            var packet = row.ToCase().Packet;
            row.Packet = JsonSerializer.Serialize(packet with { Transcript = [.. packet.Transcript, line] });
            if (line.From == "customer" && row.Hold == CaseStatus.WaitingOnCustomer && row.Status == CaseStatus.Open)
            {
                // The customer answered: the case is the team's turn again.
                row.Hold = null;
                return [(line.From, CaseEventKind.Message, line.Text), (line.From, CaseEventKind.StatusChanged, CaseStatus.Open)];
            }

            return [(line.From, CaseEventKind.Message, line.Text)];
        }, cancellationToken);
        return result?.Row.ToCase();
    }

    public async Task<Case?> AddActionAsync(string caseId, string actor, GateOutcome outcome, CancellationToken cancellationToken)
    {
        Require(actor, nameof(actor));
        ArgumentNullException.ThrowIfNull(outcome);
        var result = await UpdateAsync(caseId, row =>
        {
            var packet = row.ToCase().Packet;
            row.Packet = JsonSerializer.Serialize(packet with { ActionsAttempted = [.. packet.ActionsAttempted, outcome] });
            var decision = outcome.Allowed ? (outcome.Succeeded ? "allowed, succeeded" : "allowed, failed") : "denied";
            return [(actor, CaseEventKind.Action, $"{WireName.Of(outcome.Action)}: {decision} ({outcome.Rule})")];
        }, cancellationToken);
        return result?.Row.ToCase();
    }

    /// <summary>Gives an open case to a staff member (null: to nobody). Null when there is no such case; unchanged when closed or already theirs.</summary>
    public async Task<(Case Case, bool Changed)?> AssignAsync(string caseId, string actor, string? assignee, CancellationToken cancellationToken)
    {
        Require(actor, nameof(actor));
        var result = await UpdateAsync(caseId, row =>
        {
            if (row.Status != CaseStatus.Open || row.Assignee == assignee)
            {
                return null;
            }

            row.Assignee = assignee;
            return [(actor, CaseEventKind.Assigned, assignee is null ? null : Actor.Human(assignee).Name)];
        }, cancellationToken);
        return result is { } r ? (r.Row.ToCase(), r.Changed) : null;
    }

    /// <summary>Sets why an open case waits (<see cref="CaseStatus.WaitingOnCustomer"/>, <see cref="CaseStatus.OnHold"/>) or back to open (null).</summary>
    public async Task<(Case Case, bool Changed)?> SetHoldAsync(string caseId, string actor, string? hold, CancellationToken cancellationToken)
    {
        Require(actor, nameof(actor));
        if (hold is not null && !CaseStatus.IsHold(hold))
        {
            throw new ArgumentException($"A case waits {CaseStatus.WaitingOnCustomer} or {CaseStatus.OnHold}, not '{hold}'.", nameof(hold));
        }

        var result = await UpdateAsync(caseId, row =>
        {
            if (row.Status != CaseStatus.Open || row.Hold == hold)
            {
                return null;
            }

            row.Hold = hold;
            return [(actor, CaseEventKind.StatusChanged, hold ?? CaseStatus.Open)];
        }, cancellationToken);
        return result is { } r ? (r.Row.ToCase(), r.Changed) : null;
    }

    /// <summary>An internal note on the case's timeline (never in the transcript the customer sees). Null when there is no such case.</summary>
    public async Task<Case?> AddNoteAsync(string caseId, string actor, string text, CancellationToken cancellationToken)
    {
        Require(actor, nameof(actor));
        Require(text, nameof(text));
        var result = await UpdateAsync(caseId, _ => [(actor, CaseEventKind.Note, text.Trim())], cancellationToken);
        return result?.Row.ToCase();
    }

    /// <summary>
    /// Merges an open duplicate into another open case of the same customer: the duplicate closes first (so two people
    /// merging it at once merge it once), then its transcript and actions join the other case's packet. False when the
    /// duplicate was no longer open.
    /// </summary>
    public async Task<bool> MergeIntoAsync(string duplicateId, string intoId, string staffId, CancellationToken cancellationToken)
    {
        var actor = Actor.Human(staffId).Name;
        HandoffPacket? moved = null;
        var closed = await UpdateAsync(duplicateId, row =>
        {
            if (row.Status != CaseStatus.Open)
            {
                return null;
            }

            moved = row.ToCase().Packet;
            row.Status = CaseStatus.Closed;
            row.ClosedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
            row.ClosedBy = staffId;
            row.Resolution = $"Merged into case {intoId}.";
            row.Hold = null;
            return [(actor, CaseEventKind.Merged, intoId), (actor, CaseEventKind.Closed, row.Resolution)];
        }, cancellationToken);
        if (closed is not { Changed: true } || moved is null)
        {
            return false;
        }

        await UpdateAsync(intoId, row =>
        {
            var packet = row.ToCase().Packet;
            var combined = Merge(packet, moved with { Diagnosis = null, Summary = "" });
            row.Packet = JsonSerializer.Serialize(combined with { ConversationId = packet.ConversationId });
            return [(actor, CaseEventKind.Merged, duplicateId)];
        }, cancellationToken);
        return true;
    }

    /// <summary>
    /// Keeps an open case's packet current: the fresh diagnosis replaces the one it opened with. A changed root cause or
    /// status is an <c>updated</c> event on the timeline; the same finding again is written without one.
    /// </summary>
    public async Task<Case?> RefreshDiagnosisAsync(string caseId, Diagnostics.Diagnosis diagnosis, CancellationToken cancellationToken)
    {
        var result = await UpdateAsync(caseId, row =>
        {
            if (row.Status != CaseStatus.Open)
            {
                return null;
            }

            var packet = row.ToCase().Packet;
            row.Packet = JsonSerializer.Serialize(packet with { Diagnosis = diagnosis });
            var changed = packet.Diagnosis is null || packet.Diagnosis.RootCause != diagnosis.RootCause || packet.Diagnosis.Status != diagnosis.Status;
            return changed ? [("diagnostics", CaseEventKind.Updated, $"diagnosis now {diagnosis.Status}: {WireName.Of(diagnosis.RootCause)}")] : [];
        }, cancellationToken);
        return result?.Row.ToCase();
    }

    /// <summary>Notes the customer's name and e-mail on their cases, so the queue shows and searches them.</summary>
    public async Task NoteCustomerAsync(string customerId, string? name, string? email, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET customer_name = @name, customer_email = @email WHERE customer_id = @customerId",
            new { customerId, name = name ?? "", email = email ?? "" },
            cancellationToken: cancellationToken));
    }

    /// <summary>The cases a person asked for (<see cref="CaseQuery"/>), at most <see cref="CaseQuery.Limit"/>.</summary>
    public async Task<IReadOnlyList<Case>> SearchAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        var where = new List<string>();
        var state = query.State ?? CaseQuery.Active;
        where.Add(state switch
        {
            CaseQuery.Active => "status = 'open'",
            CaseStatus.Open => "status = 'open' AND hold IS NULL",
            CaseStatus.WaitingOnCustomer or CaseStatus.OnHold => "status = 'open' AND hold = @state",
            CaseStatus.Closed => "status = 'closed'",
            _ => "1 = 1",
        });
        if (!string.IsNullOrWhiteSpace(query.Risk))
        {
            where.Add("risk = @risk");
        }

        if (!string.IsNullOrWhiteSpace(query.Source))
        {
            where.Add("source = @source");
        }

        if (query.Assignee == CaseQuery.Nobody)
        {
            where.Add("assignee IS NULL");
        }
        else if (!string.IsNullOrWhiteSpace(query.Assignee))
        {
            where.Add("assignee = @assignee");
        }

        // LIKE's wildcards in what the person typed match themselves ('!' escapes them: the same on SQLite and PostgreSQL).
        var text = query.Text?.Trim().ToLowerInvariant() ?? "";
        if (text.Length > 0)
        {
            where.Add(
                """
                (LOWER(id) LIKE @like ESCAPE '!' OR LOWER(customer_id) LIKE @like ESCAPE '!' OR LOWER(COALESCE(customer_name, '')) LIKE @like ESCAPE '!'
                 OR LOWER(COALESCE(customer_email, '')) LIKE @like ESCAPE '!' OR LOWER(reason) LIKE @like ESCAPE '!')
                """);
        }

        var order = query.Sort switch
        {
            CaseQuery.Newest => "created_at DESC, id",
            CaseQuery.Oldest => "created_at, id",
            CaseQuery.Riskiest => "risk_rank DESC, created_at, id",
            _ => "created_at + CASE WHEN risk_rank >= 2 THEN @high WHEN risk_rank = 1 THEN @elevated ELSE @normal END, created_at, id",
        };
        var queue = options.Value.Queue;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CaseRow>(new CommandDefinition(
            $"SELECT {Columns} FROM cases WHERE {string.Join(" AND ", where)} ORDER BY {order} LIMIT @limit",
            new
            {
                state,
                risk = query.Risk?.Trim(),
                source = query.Source?.Trim(),
                assignee = query.Assignee,
                like = "%" + text.Replace("!", "!!", StringComparison.Ordinal).Replace("%", "!%", StringComparison.Ordinal).Replace("_", "!_", StringComparison.Ordinal) + "%",
                high = queue.TargetMilliseconds(2),
                elevated = queue.TargetMilliseconds(1),
                normal = queue.TargetMilliseconds(0),
                limit = (long)Math.Clamp(query.Limit, 1, CaseQuery.MaxLimit),
            },
            cancellationToken: cancellationToken));
        return rows.Select(r => r.ToCase()).ToList();
    }

    /// <summary>When the case should have had a person's answer: its creation plus its risk's response target.</summary>
    public DateTimeOffset DueAt(Case item) =>
        item.CreatedAt.AddMilliseconds(options.Value.Queue.TargetMilliseconds(PolicySettings.RiskRank(item.Risk)));

    /// <summary>Records the knowledge article the case's resolution created or improved.</summary>
    public async Task<Case?> SetArticleAsync(string caseId, string actor, string articleId, bool improved, CancellationToken cancellationToken)
    {
        var result = await UpdateAsync(caseId, row =>
        {
            row.ArticleId = articleId;
            return [(actor, improved ? CaseEventKind.ArticleImproved : CaseEventKind.ArticleCreated, articleId)];
        }, cancellationToken);
        return result?.Row.ToCase();
    }

    /// <summary>
    /// Locks the case row (a no-op write first: a row lock on PostgreSQL, the write lock on SQLite), reads it, lets
    /// <paramref name="change"/> edit it (returning the events to record, or null for no change), and writes it back with
    /// its events in the same transaction. Concurrent writers queue instead of overwriting each other.
    /// </summary>
    private async Task<(CaseRow Row, bool Changed)?> UpdateAsync(string caseId, Func<CaseRow, IReadOnlyList<(string Actor, string Kind, string? Detail)>?> change, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var locked = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE cases SET revision = revision WHERE id = @caseId", new { caseId }, transaction, cancellationToken: cancellationToken));
        if (locked == 0)
        {
            return null;
        }

        var row = await connection.QuerySingleAsync<CaseRow>(new CommandDefinition(
            $"SELECT {Columns} FROM cases WHERE id = @caseId", new { caseId }, transaction, cancellationToken: cancellationToken));
        var recorded = change(row);
        if (recorded is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (row, false);
        }

        row.Revision++;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE cases SET status = @Status, risk = @Risk, risk_rank = @RiskRank, closed_at = @ClosedAt, closed_by = @ClosedBy,
                resolution = @Resolution, article_id = @ArticleId, packet = @Packet, revision = @Revision, assignee = @Assignee, hold = @Hold
            WHERE id = @Id
            """,
            new { row.Status, row.Risk, row.RiskRank, row.ClosedAt, row.ClosedBy, row.Resolution, row.ArticleId, row.Packet, row.Revision, row.Assignee, row.Hold, row.Id },
            transaction,
            cancellationToken: cancellationToken));
        if (row.Status != CaseStatus.Open)
        {
            // A closed case no longer holds its problem: the customer's next request about it opens a fresh case.
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM case_problems WHERE case_id = @Id", new { row.Id }, transaction, cancellationToken: cancellationToken));
        }

        var now = time.GetUtcNow();
        var written = new List<CaseEvent>();
        foreach (var (actor, kind, detail) in recorded)
        {
            written.Add(await events.InsertAsync(connection, transaction, caseId, now, actor, kind, detail, cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        await events.PublishAsync(written, cancellationToken);
        return (row, true);
    }

    private async Task<CaseRow?> ReadAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<CaseRow>(new CommandDefinition(
            $"SELECT {Columns} FROM cases WHERE id = @caseId", new { caseId }, cancellationToken: cancellationToken));
    }

    /// <summary>The open case of this conversation, else the open case of this problem.</summary>
    private async Task<CaseRow?> FindOpenAsync(string customerId, string? conversationId, string problem, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<CaseRow>(new CommandDefinition(
            $"""
            SELECT {Columns}, 0 AS byProblem FROM cases
            WHERE customer_id = @customerId AND conversation_id = @conversationId AND status = @open
            UNION ALL
            SELECT {Columns}, 1 AS byProblem FROM cases
            WHERE id = (SELECT case_id FROM case_problems WHERE customer_id = @customerId AND problem = @problem) AND status = @open
            ORDER BY byProblem
            """,
            new { customerId, conversationId, problem, open = CaseStatus.Open },
            cancellationToken: cancellationToken));
    }

    /// <summary>The newer packet of the same conversation or problem over the older: every line and action of both, once; the newer diagnosis and summary.</summary>
    internal static HandoffPacket Merge(HandoffPacket older, HandoffPacket newer)
    {
        var transcript = older.Transcript.Concat(newer.Transcript).Distinct().OrderBy(l => l.At).ToList();
        // One decision of the gate is one action, however each packet came to show it.
        var actions = older.ActionsAttempted.Concat(newer.ActionsAttempted.Where(a => !older.ActionsAttempted.Contains(a)
            && (a.AuditEntryId is not { } entry || !older.ActionsAttempted.Any(o => o.AuditEntryId == entry)))).ToList();
        return new HandoffPacket(
            newer.ConversationId ?? older.ConversationId,
            transcript,
            newer.Diagnosis ?? older.Diagnosis,
            actions,
            string.IsNullOrWhiteSpace(newer.Summary) ? older.Summary : newer.Summary);
    }

    private static void Require(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} is required.", name);
        }
    }

    private sealed class CaseRow
    {
        public string Id { get; set; } = "";
        public string CustomerId { get; set; } = "";
        public string? ConversationId { get; set; }
        public string Reason { get; set; } = "";
        public string Source { get; set; } = "";
        public string Status { get; set; } = "";
        public string Risk { get; set; } = "";
        public long RiskRank { get; set; }
        public long CreatedAt { get; set; }
        public long? ClosedAt { get; set; }
        public string? ClosedBy { get; set; }
        public string? Resolution { get; set; }
        public string? ArticleId { get; set; }
        public string Packet { get; set; } = "";
        public long Revision { get; set; }
        public string? Assignee { get; set; }
        public string? Hold { get; set; }
        public string? CustomerName { get; set; }
        public string? CustomerEmail { get; set; }

        public Case ToCase() => new(
            Id,
            CustomerId,
            Reason,
            Source,
            Status,
            Risk,
            DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            ClosedAt is { } closed ? DateTimeOffset.FromUnixTimeMilliseconds(closed) : null,
            Resolution,
            JsonSerializer.Deserialize<HandoffPacket>(Packet) ?? throw new InvalidDataException($"Case {Id} has an empty packet."),
            Assignee,
            Hold,
            CustomerName,
            CustomerEmail);
    }
}
