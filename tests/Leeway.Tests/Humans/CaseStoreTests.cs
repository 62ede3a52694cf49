using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Policy;
using Leeway.Policy.Actions;

namespace Leeway.Tests.Humans;

public sealed class CaseStoreTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_opened_case_comes_back_with_its_whole_packet(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        var packet = CaseWorld.Packet("conv_1");

        var opened = await world.Cases.OpenAsync("cus_a", "refund_over_cap", "agent", "elevated", packet, CancellationToken.None);
        var read = await world.Cases.GetAsync(opened.Id, CancellationToken.None);

        Assert.NotNull(read);
        Assert.StartsWith("case_", read.Id, StringComparison.Ordinal);
        Assert.Equal(("cus_a", "refund_over_cap", "agent", CaseStatus.Open, "elevated", CaseWorld.Start), (read.CustomerId, read.Reason, read.Source, read.Status, read.Risk, read.CreatedAt));
        Assert.Equal(packet.Transcript, read.Packet.Transcript);
        Assert.Equal(packet.ActionsAttempted, read.Packet.ActionsAttempted);
        Assert.Equal(RootCause.UsageSpike, read.Packet.Diagnosis!.RootCause);
        Assert.Equal("api_calls", read.Packet.Diagnosis.Findings[0].Facts["meter"]);
        Assert.Equal(packet.Summary, read.Packet.Summary);
        Assert.Null(await world.Cases.GetAsync("case_missing", CancellationToken.None));
    }

    [Fact]
    public async Task A_customer_lists_only_their_own_cases_newest_first()
    {
        await using var world = await CaseWorld.StartAsync();
        var first = await world.OpenAsync("cus_a");
        world.Time.Advance(TimeSpan.FromMinutes(5));
        var second = await world.OpenAsync("cus_a");
        await world.OpenAsync("cus_b");

        var mine = await world.Cases.ListForCustomerAsync("cus_a", CancellationToken.None);

        Assert.Equal([second.Id, first.Id], mine.Select(c => c.Id).ToArray());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_queue_puts_a_younger_high_risk_case_ahead_but_never_lets_an_old_case_wait_forever(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        var oldNormal = await world.OpenAsync(risk: "normal");
        world.Time.Advance(TimeSpan.FromHours(2));
        var high = await world.OpenAsync(risk: "high");
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var elevated = await world.OpenAsync(risk: "elevated");
        world.Time.Advance(TimeSpan.FromHours(30));
        var lateHigh = await world.OpenAsync(risk: "high");
        var closed = await world.OpenAsync(risk: "high");
        await world.Cases.CloseAsync(closed.Id, "stf_1", "Handled by phone.", CancellationToken.None);

        var queue = await world.Cases.QueueAsync(CancellationToken.None);

        // Due: high at +3h, elevated at +6h, old normal at +24h, late high at +33h.
        Assert.Equal([high.Id, elevated.Id, oldNormal.Id, lateHigh.Id], queue.Select(c => c.Id).ToArray());
    }

    [Fact]
    public async Task An_unknown_risk_is_queued_as_high()
    {
        await using var world = await CaseWorld.StartAsync();
        var normal = await world.OpenAsync(risk: "normal");
        world.Time.Advance(TimeSpan.FromMinutes(10));
        var unknown = await world.OpenAsync(risk: "radar-says-maybe");

        var queue = await world.Cases.QueueAsync(CancellationToken.None);

        Assert.Equal([unknown.Id, normal.Id], queue.Select(c => c.Id).ToArray());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Closing_records_the_resolution_once_and_the_timeline_says_who(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        var opened = await world.OpenAsync();
        world.Time.Advance(TimeSpan.FromMinutes(30));

        var (closed, closedNow) = await world.Cases.CloseOnceAsync(opened.Id, "stf_1", "Refunded the usage charge after review.", CancellationToken.None);
        var (again, closedAgain) = await world.Cases.CloseOnceAsync(opened.Id, "stf_2", "Another resolution", CancellationToken.None);

        Assert.True(closedNow);
        Assert.False(closedAgain);
        Assert.Equal(CaseStatus.Closed, closed!.Status);
        Assert.Equal(CaseWorld.Start.AddMinutes(30), closed.ClosedAt);
        Assert.Equal("Refunded the usage charge after review.", again!.Resolution);
        Assert.Equal("stf_1", (await world.Cases.GetRecordAsync(opened.Id, CancellationToken.None))!.ClosedBy);
        Assert.Empty(await world.Cases.QueueAsync(CancellationToken.None));
        var timeline = await world.Events.ListAsync(opened.Id, CancellationToken.None);
        Assert.Equal([(CaseEventKind.Opened, "agent"), (CaseEventKind.Closed, "human:stf_1")], timeline.Select(e => (e.Kind, e.Actor)).ToArray());
        Assert.Null(await world.Cases.CloseAsync("case_missing", "stf_1", "x", CancellationToken.None));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Escalating_the_same_conversation_again_updates_its_open_case(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        var first = await world.Cases.OpenAsync("cus_a", "refund_over_cap", "agent", "normal", CaseWorld.Packet("conv_7"), CancellationToken.None);
        world.Time.Advance(TimeSpan.FromMinutes(1));
        var later = CaseWorld.Packet("conv_7", "Customer insists", lines: [
            new TranscriptLine("customer", "Refund my usage charge", CaseWorld.Start),
            new TranscriptLine("agent-lee", "A person will follow up.", CaseWorld.Start.AddSeconds(2)),
            new TranscriptLine("customer", "I want a human now", CaseWorld.Start.AddMinutes(1)),
        ]);

        var second = await world.Cases.OpenAsync("cus_a", "customer_requested_human", "agent", "elevated", later, CancellationToken.None);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(3, second.Packet.Transcript.Count);
        Assert.Single(second.Packet.ActionsAttempted);
        Assert.Equal("Customer insists", second.Packet.Summary);
        Assert.Equal("elevated", second.Risk);
        Assert.Single(await world.Cases.ListForCustomerAsync("cus_a", CancellationToken.None));
        Assert.Equal([CaseEventKind.Opened, CaseEventKind.Updated], (await world.Events.ListAsync(first.Id, CancellationToken.None)).Select(e => e.Kind).ToArray());

        await world.Cases.CloseAsync(first.Id, "stf_1", "Done", CancellationToken.None);
        var third = await world.Cases.OpenAsync("cus_a", "refund_over_cap", "agent", "normal", later, CancellationToken.None);
        Assert.NotEqual(first.Id, third.Id);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task One_problem_raised_at_once_from_every_side_opens_one_case(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        var dispute = CaseProblem.For("dispute_open", "du_1");
        // Two event ids for one dispute (Tier 0, no conversation), ten chats asking for a person and a meter click, all at once.
        var asks = Enumerable.Range(0, 2).Select(_ => world.Cases.OpenAsync("cus_a", "dispute_open", "tier0", "normal", CaseWorld.Packet(null), CancellationToken.None, dispute))
            .Concat(Enumerable.Range(0, 10).Select(i => world.Cases.OpenAsync("cus_a", "customer_requested_human", "agent", "normal", CaseWorld.Packet($"conv_{i}"), CancellationToken.None, dispute)))
            .Append(world.Cases.OpenAsync("cus_a", "customer_requested_human", "dashboard", "elevated", CaseWorld.Packet("conv_meter"), CancellationToken.None, dispute))
            .ToList();

        var opened = await Task.WhenAll(asks);

        Assert.Single(opened.Select(c => c.Id).Distinct());
        var only = Assert.Single(await world.Cases.ListForCustomerAsync("cus_a", CancellationToken.None));
        Assert.Equal("elevated", only.Risk);
        // Another problem of the same customer is its own case; once the first is closed, the problem may open a new one.
        var other = await world.Cases.OpenAsync("cus_a", "refund_over_cap", "agent", "normal", CaseWorld.Packet("conv_x", invoice: "in_2"), CancellationToken.None);
        Assert.NotEqual(only.Id, other.Id);
        await world.Cases.CloseAsync(only.Id, "stf_1", "Dispute answered.", CancellationToken.None);
        var again = await world.Cases.OpenAsync("cus_a", "dispute_open", "tier0", "normal", CaseWorld.Packet(null), CancellationToken.None, dispute);
        Assert.NotEqual(only.Id, again.Id);
    }

    [Fact]
    public async Task A_redelivered_tier0_problem_finds_its_open_case_without_a_new_timeline_entry()
    {
        await using var world = await CaseWorld.StartAsync();
        var problem = CaseProblem.For("dispute_open", "du_9");
        var first = await world.Cases.OpenAsync("cus_a", "dispute_open", "tier0", "normal", CaseWorld.Packet(null), CancellationToken.None, problem);

        var second = await world.Cases.OpenAsync("cus_a", "dispute_open", "tier0", "normal", CaseWorld.Packet(null), CancellationToken.None, problem);

        Assert.Equal(first.Id, second.Id);
        Assert.Equal([CaseEventKind.Opened], (await world.Events.ListAsync(first.Id, CancellationToken.None)).Select(e => e.Kind).ToArray());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Concurrent_lines_and_actions_are_all_kept(string kind)
    {
        await using var world = await CaseWorld.StartAsync(kind);
        var opened = await world.OpenAsync();
        var outcome = new GateOutcome(ActionType.Refund, true, "approved_by_human", "Refunded", true, false, new ActionResult("re_1", "succeeded", null, 24000, "usd", "req_1", null), 9);

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => i % 2 == 0
            ? world.Cases.AddTranscriptLineAsync(opened.Id, new TranscriptLine($"human:stf_{i}", $"Reply {i}", CaseWorld.Start.AddMinutes(i)), CancellationToken.None)
            : world.Cases.AddActionAsync(opened.Id, $"human:stf_{i}", outcome with { AuditEntryId = i }, CancellationToken.None))));

        var read = (await world.Cases.GetAsync(opened.Id, CancellationToken.None))!;
        Assert.Equal(2 + 5, read.Packet.Transcript.Count);
        Assert.Equal(1 + 5, read.Packet.ActionsAttempted.Count);
        Assert.Equal(11, (await world.Events.ListAsync(opened.Id, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Every_recorded_event_reaches_the_audit_hook()
    {
        await using var world = await CaseWorld.StartAsync();
        var opened = await world.OpenAsync();
        await world.Cases.AddTranscriptLineAsync(opened.Id, new TranscriptLine("human:stf_1", "Looking into it", CaseWorld.Start), CancellationToken.None);
        await world.Cases.CloseAsync(opened.Id, "stf_1", "Explained the usage", CancellationToken.None);

        var stored = await world.Events.ListAsync(opened.Id, CancellationToken.None);

        Assert.Equal(stored, world.Observer.Seen);
        Assert.Equal(("human:stf_1", CaseEventKind.Message, "Looking into it"), (stored[1].Actor, stored[1].Kind, stored[1].Detail));
    }

    [Fact]
    public async Task Appending_to_a_missing_case_returns_null()
    {
        await using var world = await CaseWorld.StartAsync();

        Assert.Null(await world.Cases.AddTranscriptLineAsync("case_missing", new TranscriptLine("human:stf_1", "Hi", CaseWorld.Start), CancellationToken.None));
        Assert.Null(await world.Cases.AddActionAsync("case_missing", "human:stf_1", new GateOutcome(ActionType.Refund, false, "r", "m", false, false, null, null), CancellationToken.None));
    }
}
