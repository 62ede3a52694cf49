using Dapper;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Storage;
using Leeway.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace Leeway.Tests.Humans;

/// <summary>The queue's work on cases (assignee, waiting states, search and filters, merge, notes) on both databases, and the migration that added it.</summary>
public sealed class CaseWorkTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_database_from_before_the_queue_work_gets_the_new_columns_and_keeps_its_cases(string kind)
    {
        await using var storage = await TestDatabase.CreateAsync(kind);
        using var database = new Database(storage.ConnectionString);
        await using (var connection = await database.OpenAsync())
        {
            // The cases table as it first shipped, with one case in it.
            await connection.ExecuteAsync(
                """
                CREATE TABLE cases (
                    id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, conversation_id TEXT NULL, reason TEXT NOT NULL, source TEXT NOT NULL,
                    status TEXT NOT NULL, risk TEXT NOT NULL, risk_rank BIGINT NOT NULL, created_at BIGINT NOT NULL, closed_at BIGINT NULL,
                    closed_by TEXT NULL, resolution TEXT NULL, article_id TEXT NULL, packet TEXT NOT NULL, revision BIGINT NOT NULL)
                """);
            await connection.ExecuteAsync(
                "INSERT INTO cases (id, customer_id, reason, source, status, risk, risk_rank, created_at, packet, revision) VALUES ('case_old', 'cus_old', 'refund_over_cap', 'agent', 'open', 'normal', 0, 1, @packet, 1)",
                new { packet = System.Text.Json.JsonSerializer.Serialize(CaseWorld.Packet("conv_old")) });
        }

        var migrator = new SchemaMigrator(database, [new HumansSchema()], NullLogger<SchemaMigrator>.Instance);
        await migrator.StartAsync(CancellationToken.None);
        await migrator.StartAsync(CancellationToken.None); // Again, as every host start does: nothing to add the second time.

        await using var check = await database.OpenAsync();
        var assignee = await check.ExecuteScalarAsync<string?>("SELECT assignee FROM cases WHERE id = 'case_old'");
        await check.ExecuteAsync("UPDATE cases SET hold = 'on_hold', customer_name = 'Old Customer' WHERE id = 'case_old'");
        Assert.Null(assignee);
        Assert.Equal("Old Customer", await check.ExecuteScalarAsync<string>("SELECT customer_name FROM cases WHERE id = 'case_old'"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Cases_are_taken_set_waiting_found_by_name_and_filtered(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        var cases = world.Cases;
        var ana = await world.Staff.CreateAsync("ana@billing.test", "Ana Agent", "a long demo password", StaffRoles.Agent, CancellationToken.None);
        var hana = await world.OpenAsync("cus_hana", risk: "high");
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var bo = await world.OpenAsync("cus_bo");
        await cases.NoteCustomerAsync("cus_hana", "Hana Help", "hana@example.com", CancellationToken.None);

        var taken = await cases.AssignAsync(hana.Id, "human:" + ana.Id, ana.Id, CancellationToken.None);
        var again = await cases.AssignAsync(hana.Id, "human:" + ana.Id, ana.Id, CancellationToken.None);
        await cases.SetHoldAsync(bo.Id, "human:" + ana.Id, CaseStatus.WaitingOnCustomer, CancellationToken.None);

        Assert.Equal((ana.Id, true, false), (taken!.Value.Case.Assignee, taken.Value.Changed, again!.Value.Changed));
        Assert.Equal([hana.Id], Ids(await cases.SearchAsync(new CaseQuery(Text: "HANA@example"), CancellationToken.None)));
        Assert.Equal([hana.Id], Ids(await cases.SearchAsync(new CaseQuery(Text: "Help"), CancellationToken.None)));
        Assert.Equal([hana.Id], Ids(await cases.SearchAsync(new CaseQuery(Assignee: ana.Id), CancellationToken.None)));
        Assert.Equal([bo.Id], Ids(await cases.SearchAsync(new CaseQuery(Assignee: CaseQuery.Nobody), CancellationToken.None)));
        Assert.Equal([bo.Id], Ids(await cases.SearchAsync(new CaseQuery(State: CaseStatus.WaitingOnCustomer), CancellationToken.None)));
        Assert.Equal([hana.Id], Ids(await cases.SearchAsync(new CaseQuery(State: CaseStatus.Open), CancellationToken.None)));
        Assert.Equal([hana.Id], Ids(await cases.SearchAsync(new CaseQuery(Risk: "high"), CancellationToken.None)));
        Assert.Equal([bo.Id, hana.Id], Ids(await cases.SearchAsync(new CaseQuery(Sort: CaseQuery.Newest), CancellationToken.None)));
        Assert.Empty(await cases.SearchAsync(new CaseQuery(Text: "100%_"), CancellationToken.None));

        // The customer answers: the case is the team's turn again.
        await cases.AddTranscriptLineAsync(bo.Id, new TranscriptLine("customer", "Here is the receipt.", world.Time.GetUtcNow()), CancellationToken.None);
        Assert.Equal(CaseStatus.Open, (await cases.GetAsync(bo.Id, CancellationToken.None))!.State);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_duplicate_merged_into_another_case_moves_its_conversation_there_and_closes_once(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        var first = await world.OpenAsync("cus_a");
        var duplicate = await world.Cases.OpenAsync(
            "cus_a", "refund_question", "contact", "normal",
            CaseWorld.Packet("conv_dup", invoice: "in_other", lines: [new TranscriptLine("customer", "Did you get my e-mail?", CaseWorld.Start.AddMinutes(3))]),
            CancellationToken.None);

        var merged = await world.Cases.MergeIntoAsync(duplicate.Id, first.Id, "staff_1", CancellationToken.None);
        var twice = await world.Cases.MergeIntoAsync(duplicate.Id, first.Id, "staff_1", CancellationToken.None);
        var note = await world.Cases.AddNoteAsync(first.Id, "human:staff_1", "Same person as the e-mail.", CancellationToken.None);

        Assert.True(merged);
        Assert.False(twice);
        var target = (await world.Cases.GetAsync(first.Id, CancellationToken.None))!;
        Assert.Contains(target.Packet.Transcript, l => l.Text == "Did you get my e-mail?");
        Assert.Equal(1, target.Packet.Transcript.Count(l => l.Text == "Did you get my e-mail?"));
        Assert.DoesNotContain(target.Packet.Transcript, l => l.Text == "Same person as the e-mail.");
        var closed = (await world.Cases.GetAsync(duplicate.Id, CancellationToken.None))!;
        Assert.Equal((CaseStatus.Closed, $"Merged into case {first.Id}."), (closed.Status, closed.Resolution));
        var timeline = await world.Events.ListAsync(first.Id, CancellationToken.None);
        Assert.Contains(timeline, e => e.Kind == CaseEventKind.Merged && e.Detail == duplicate.Id);
        Assert.Contains(timeline, e => e.Kind == CaseEventKind.Note && e.Detail == "Same person as the e-mail.");
        Assert.NotNull(note);
    }

    [Theory]
    [InlineData("12.50", "usd", 1250L)]
    [InlineData("$1,250.00", "usd", 125000L)]
    [InlineData("49", "usd", 4900L)]
    [InlineData("1200", "jpy", 1200L)]
    [InlineData("12.5", "kwd", 12500L)]
    public void Amounts_typed_in_currency_units_become_minor_units_by_the_currencys_exponent(string typed, string currency, long minor)
    {
        Assert.Equal(minor, StaffAmount.Parse(typed, currency, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("12.505", "usd", "has 2 decimals")]
    [InlineData("12.5", "jpy", "no minor unit")]
    [InlineData("twelve", "usd", "not an amount")]
    [InlineData("0", "usd", "more than zero")]
    [InlineData("-5", "usd", "not an amount")]
    public void A_bad_amount_is_refused_saying_why(string typed, string currency, string why)
    {
        Assert.Null(StaffAmount.Parse(typed, currency, out var error));
        Assert.Contains(why, error, StringComparison.Ordinal);
    }

    private static string[] Ids(IReadOnlyList<Case> cases) => cases.Select(c => c.Id).ToArray();
}
