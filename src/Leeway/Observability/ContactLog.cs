using System.Data.Common;
using Dapper;
using Leeway.Routing;
using Leeway.Storage;

namespace Leeway.Observability;

/// <summary>The contact log in the product's database (SQLite or PostgreSQL), with the live metrics updated on each write.</summary>
internal sealed class ContactLog(Database database, TimeProvider time, IdGenerator ids, LeewayMetrics metrics) : IContactLog
{
    private const long MillisecondsPerDay = 86_400_000;

    private const string Columns = """
        id, channel, customer_id, authenticated, plan, risk, intent, confidence, tier, rule, reason, tier1_first,
        human_reachable, decided_at, conversation_id, case_id, outcome, finished_tier, outcome_at, effort_score,
        replies, reply_ms_total, reply_ms_max
        """;

    public async Task<Contact> RecordContactAsync(NewContact contact, CancellationToken cancellationToken)
    {
        var row = new ContactRow
        {
            id = ids.NewId("ctc"),
            channel = contact.Channel,
            customer_id = contact.CustomerId,
            authenticated = contact.Authenticated ? 1 : 0,
            plan = contact.Plan,
            risk = contact.Risk,
            intent = contact.Intent,
            confidence = contact.Confidence,
            tier = contact.Decision.Tier,
            rule = contact.Decision.Rule,
            reason = contact.Decision.Reason,
            tier1_first = contact.Decision.Tier1First ? 1 : 0,
            human_reachable = contact.Decision.HumanReachable ? 1 : 0,
            decided_at = Now(),
            conversation_id = contact.ConversationId,
            case_id = contact.CaseId,
        };
        await InsertAsync(row, cancellationToken);
        metrics.ContactRouted(contact.Decision.Tier, contact.Intent, contact.Channel);
        return row.ToContact();
    }

    public async Task<Contact?> RecordOutcomeAsync(string contactId, string outcome, int? finishedTier, string? caseId, CancellationToken cancellationToken)
    {
        if (!ContactOutcome.All.Contains(outcome))
        {
            throw new ArgumentException($"Outcome '{outcome}' is not one of {string.Join(", ", ContactOutcome.All)}.", nameof(outcome));
        }

        if (finishedTier is < Tier.Prevent or > Tier.Human)
        {
            throw new ArgumentOutOfRangeException(nameof(finishedTier), finishedTier, "A tier is 0 to 3.");
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var now = Now();
        var escalatedTier = outcome == ContactOutcome.Escalated ? Tier.Human : finishedTier;
        // One statement, so two outcomes recorded at once cannot lower the finishing tier. The routed tier is only the
        // default: a contact routed to a person that Lee answered (the chat is Lee's whatever the table said) cost Lee's.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE contacts SET
                outcome = @outcome,
                outcome_at = @now,
                finished_tier = CASE
                    WHEN finished_tier IS NOT NULL AND finished_tier > COALESCE(@finished, tier) THEN finished_tier
                    ELSE COALESCE(@finished, tier) END,
                case_id = COALESCE(@caseId, case_id)
            WHERE id = @contactId
            """,
            new { outcome, now, finished = escalatedTier, caseId, contactId },
            cancellationToken: cancellationToken));
        if (changed == 0)
        {
            return null;
        }

        var contact = (await ReadAsync(connection, "id = @contactId", new { contactId }, cancellationToken))!;
        metrics.ConversationEnded(outcome, contact.Decision.Tier, contact.FinishedTier ?? contact.Decision.Tier, contact.OutcomeAt - contact.DecidedAt);
        return contact;
    }

    public async Task<bool> RecordReplyAsync(string contactId, TimeSpan latency, CancellationToken cancellationToken)
    {
        var ms = (long)Math.Max(0, latency.TotalMilliseconds);
        await using var connection = await database.OpenAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE contacts SET
                replies = replies + 1,
                reply_ms_total = reply_ms_total + @ms,
                reply_ms_max = CASE WHEN reply_ms_max < @ms THEN @ms ELSE reply_ms_max END
            WHERE id = @contactId
            """,
            new { ms, contactId },
            cancellationToken: cancellationToken));
        if (changed > 0)
        {
            metrics.ReplyLatency(latency.TotalMilliseconds);
        }

        return changed > 0;
    }

    public async Task<SurveyResult> RecordSurveyAsync(string contactId, string customerId, int score, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(score, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(score, 5);
        await using var connection = await database.OpenAsync(cancellationToken);
        // Owner and "not yet answered" are in the statement itself: no check-then-write race.
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE contacts SET effort_score = @score, surveyed_at = @now WHERE id = @contactId AND customer_id = @customerId AND effort_score IS NULL",
            new { score, now = Now(), contactId, customerId },
            cancellationToken: cancellationToken));
        if (changed > 0)
        {
            metrics.EffortScore(score);
            return SurveyResult.Recorded;
        }

        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM contacts WHERE id = @contactId AND customer_id = @customerId",
            new { contactId, customerId },
            cancellationToken: cancellationToken));
        return exists > 0 ? SurveyResult.AlreadyAnswered : SurveyResult.NotFound;
    }

    public async Task<Contact> RecordNudgeAsync(string customerId, string reason, string channel, CancellationToken cancellationToken)
    {
        var now = Now();
        var row = new ContactRow
        {
            id = ids.NewId("ctc"),
            channel = ContactChannel.Prevent,
            customer_id = customerId,
            authenticated = 0,
            plan = "",
            risk = "",
            intent = reason,
            confidence = 1,
            tier = Tier.Prevent,
            rule = $"nudge:{channel}",
            reason = $"A {channel} nudge about {reason} went out before the customer had to ask.",
            tier1_first = 0,
            human_reachable = 1,
            decided_at = now,
            outcome = ContactOutcome.Prevented,
            finished_tier = Tier.Prevent,
            outcome_at = now,
        };
        await InsertAsync(row, cancellationToken);
        metrics.ContactRouted(Tier.Prevent, reason, ContactChannel.Prevent);
        metrics.NudgeSent(reason, channel);
        return row.ToContact();
    }

    public async Task<bool> RecordRecoveryAsync(string customerId, string objectId, long amount, string currency, string via, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO recoveries (object_id, customer_id, amount, currency, via, recovered_at)
            VALUES (@objectId, @customerId, @amount, @currency, @via, @now)
            ON CONFLICT (object_id) DO NOTHING
            """,
            new { objectId, customerId, amount, currency = currency.ToLowerInvariant(), via, now = Now() },
            cancellationToken: cancellationToken));
        if (inserted > 0)
        {
            metrics.PaymentRecovered(amount, currency.ToLowerInvariant(), via);
        }

        return inserted > 0;
    }

    public async Task<Contact?> GetAsync(string contactId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, "id = @contactId", new { contactId }, cancellationToken);
    }

    public async Task<Contact?> FindByConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, "conversation_id = @conversationId ORDER BY decided_at DESC", new { conversationId }, cancellationToken);
    }

    public async Task<Contact?> FindByCaseAsync(string caseId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(connection, "case_id = @caseId ORDER BY decided_at DESC", new { caseId }, cancellationToken);
    }

    public async Task<Contact?> LatestForCustomerAsync(string customerId, string channel, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(
            connection,
            "customer_id = @customerId AND channel = @channel AND decided_at >= @since ORDER BY decided_at DESC",
            new { customerId, channel, since = since.ToUnixTimeMilliseconds() },
            cancellationToken);
    }

    public async Task<IReadOnlyList<ContactTally>> TallyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // Integer division buckets by UTC day in SQLite and PostgreSQL alike.
        var rows = await connection.QueryAsync<TallyRow>(new CommandDefinition(
            """
            SELECT decided_at / 86400000 AS day, channel, tier, COALESCE(finished_tier, tier) AS finished_tier, intent, outcome,
                   COUNT(*) AS contacts,
                   COALESCE(SUM(effort_score), 0) AS effort_total,
                   COUNT(effort_score) AS surveys,
                   COALESCE(SUM(CASE WHEN outcome IN ('resolved', 'self_serve', 'answered') THEN outcome_at - decided_at ELSE 0 END), 0) AS resolution_ms,
                   COALESCE(SUM(replies), 0) AS replies,
                   COALESCE(SUM(reply_ms_total), 0) AS reply_ms_total,
                   COALESCE(MAX(reply_ms_max), 0) AS reply_ms_max
            FROM contacts
            WHERE decided_at >= @from AND decided_at < @to
            GROUP BY decided_at / 86400000, channel, tier, COALESCE(finished_tier, tier), intent, outcome
            """,
            new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return rows.Select(r => new ContactTally(
            DayOf(r.day), r.channel, (int)r.tier, (int)r.finished_tier, r.intent, r.outcome, r.contacts, r.effort_total, r.surveys,
            r.resolution_ms, r.replies, r.reply_ms_total, r.reply_ms_max)).ToList();
    }

    public async Task<IReadOnlyList<RecoveryTally>> RecoveriesAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RecoveryRow>(new CommandDefinition(
            """
            SELECT recovered_at / 86400000 AS day, currency, via, COUNT(*) AS payments, SUM(amount) AS amount
            FROM recoveries
            WHERE recovered_at >= @from AND recovered_at < @to
            GROUP BY recovered_at / 86400000, currency, via
            """,
            new { from = from.ToUnixTimeMilliseconds(), to = to.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken));
        return rows.Select(r => new RecoveryTally(DayOf(r.day), r.currency, r.via, r.payments, r.amount)).ToList();
    }

    private static DateOnly DayOf(long day) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(day * MillisecondsPerDay).UtcDateTime);

    private static async Task<Contact?> ReadAsync(DbConnection connection, string where, object parameters, CancellationToken cancellationToken)
    {
        var row = await connection.QueryFirstOrDefaultAsync<ContactRow>(new CommandDefinition(
            $"SELECT {Columns} FROM contacts WHERE {where}", parameters, cancellationToken: cancellationToken));
        return row?.ToContact();
    }

    private async Task InsertAsync(ContactRow row, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO contacts ({Columns})
            VALUES (@id, @channel, @customer_id, @authenticated, @plan, @risk, @intent, @confidence, @tier, @rule, @reason, @tier1_first,
                    @human_reachable, @decided_at, @conversation_id, @case_id, @outcome, @finished_tier, @outcome_at, @effort_score,
                    @replies, @reply_ms_total, @reply_ms_max)
            """,
            row,
            cancellationToken: cancellationToken));
    }

    private long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

#pragma warning disable IDE1006 // Dapper maps these to the columns by name.
    private sealed class ContactRow
    {
        public string id { get; set; } = "";
        public string channel { get; set; } = "";
        public string? customer_id { get; set; }
        public long authenticated { get; set; }
        public string plan { get; set; } = "";
        public string risk { get; set; } = "";
        public string intent { get; set; } = "";
        public double confidence { get; set; }
        public long tier { get; set; }
        public string rule { get; set; } = "";
        public string reason { get; set; } = "";
        public long tier1_first { get; set; }
        public long human_reachable { get; set; }
        public long decided_at { get; set; }
        public string? conversation_id { get; set; }
        public string? case_id { get; set; }
        public string? outcome { get; set; }
        public long? finished_tier { get; set; }
        public long? outcome_at { get; set; }
        public long? effort_score { get; set; }
        public long replies { get; set; }
        public long reply_ms_total { get; set; }
        public long reply_ms_max { get; set; }

        public Contact ToContact() => new(
            id, channel, customer_id, authenticated != 0, plan, risk, intent, confidence,
            new RoutingDecision((int)tier, rule, reason, tier1_first != 0, human_reachable != 0),
            DateTimeOffset.FromUnixTimeMilliseconds(decided_at), conversation_id, case_id, outcome, (int?)finished_tier,
            outcome_at is { } at ? DateTimeOffset.FromUnixTimeMilliseconds(at) : null, (int?)effort_score, replies, reply_ms_total, reply_ms_max);
    }

    private sealed class TallyRow
    {
        public long day { get; set; }
        public string channel { get; set; } = "";
        public long tier { get; set; }
        public long finished_tier { get; set; }
        public string intent { get; set; } = "";
        public string? outcome { get; set; }
        public long contacts { get; set; }
        public long effort_total { get; set; }
        public long surveys { get; set; }
        public long resolution_ms { get; set; }
        public long replies { get; set; }
        public long reply_ms_total { get; set; }
        public long reply_ms_max { get; set; }
    }

    private sealed class RecoveryRow
    {
        public long day { get; set; }
        public string currency { get; set; } = "";
        public string via { get; set; } = "";
        public long payments { get; set; }
        public long amount { get; set; }
    }
#pragma warning restore IDE1006
}
