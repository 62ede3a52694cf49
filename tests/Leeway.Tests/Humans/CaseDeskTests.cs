using Leeway.Agent.Conversations;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Leeway.Prevent.Handlers;
using Leeway.Storage;

namespace Leeway.Tests.Humans;

/// <summary>
/// The case desk opens every case with the same context, whichever tier hands it over: the conversation's transcript, the
/// diagnosis, and every action tried as the gate recorded it (with the gate's own answer where the opener holds it).
/// The real host and its database, SQLite and PostgreSQL.
/// </summary>
public sealed class CaseDeskTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task The_packet_is_the_same_whichever_tier_opens_the_case(string kind)
    {
        await using var host = await LeewayTestHost.StartAsync(kind: kind);
        var world = await SeedAsync(host);
        var desk = host.Get<CaseDesk>();
        var ct = CancellationToken.None;

        var byLee = await desk.OpenWithContextAsync(
            new CaseOpening("cus_desk", "refund_over_cap", CaseSources.Agent, "normal", "Lee: above the limit.", world.Diagnosis, world.ConversationId), ct);
        await host.Get<ICaseStore>().CloseAsync(byLee.Id, "stf_1", "done", ct);
        var byMeter = await desk.OpenWithContextAsync(
            new CaseOpening("cus_desk", "asked for a person", CaseSources.Dashboard, "normal", "From the meter.", world.Diagnosis, world.ConversationId, Outcomes: [world.Refused]), ct);
        await host.Get<ICaseStore>().CloseAsync(byMeter.Id, "stf_1", "done", ct);
        var byTier0 = await host.Get<Tier0Cases>().OpenOnceAsync("cus_desk", RootCause.UsageSpike, "in_desk", "normal", world.Diagnosis, [world.Refused], "Tier 0 could not fix it.", ct);

        // Lee's conversation holds the refusal with the gate's whole answer; the meter and Tier 0 hand the same outcome.
        foreach (var opened in new[] { byLee, byMeter })
        {
            Assert.Equal(world.ConversationId, opened.Packet.ConversationId);
            Assert.Equal(["I want my money back", "A person will look at it."], opened.Packet.Transcript.Select(l => l.Text));
        }

        Assert.Empty(byTier0.Packet.Transcript);
        foreach (var opened in new[] { byLee, byMeter, byTier0 })
        {
            Assert.Equal(RootCause.UsageSpike, opened.Packet.Diagnosis!.RootCause);
            var actions = opened.Packet.ActionsAttempted;
            // Oldest first from the gate's record: the retry, then the refusal with the gate's answer (a person may grant it).
            Assert.Equal([ActionType.RetryPayment, ActionType.Refund], actions.Select(a => a.Action));
            Assert.True(actions[0].Allowed && actions[0].Succeeded);
            Assert.Equal("in_desk", actions[0].Result!.ObjectId);
            Assert.Equal(world.Refused, actions[1]);
            Assert.Contains("Actions tried: 2.", opened.Packet.Summary, StringComparison.Ordinal);
            Assert.Contains("usage_spike", opened.Packet.Summary, StringComparison.Ordinal);
        }

        Assert.StartsWith("Lee: above the limit.", byLee.Packet.Summary, StringComparison.Ordinal);
        Assert.StartsWith("Tier 0 could not fix it.", byTier0.Packet.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Actions_come_from_the_gates_record_and_what_it_does_not_hold_is_kept(string kind)
    {
        await using var host = await LeewayTestHost.StartAsync(kind: kind);
        var world = await SeedAsync(host);
        var unanswered = new GateOutcome(ActionType.Refund, false, "no_answer_in_time", "Sent, no answer in time.", false, true, null, null);
        var ct = CancellationToken.None;

        var opened = await host.Get<CaseDesk>().OpenWithContextAsync(
            new CaseOpening("cus_desk", "no answer", CaseSources.Agent, "normal", "Ran out of time.", null, Outcomes: [unanswered]), ct);

        var actions = opened.Packet.ActionsAttempted;
        Assert.Null(opened.Packet.ConversationId);
        Assert.Empty(opened.Packet.Transcript);
        Assert.Contains("Diagnosis: unavailable.", opened.Packet.Summary, StringComparison.Ordinal);
        // Without the opener's answer, a refusal read from the record alone is not offered for approval.
        Assert.Equal(3, actions.Count);
        Assert.Equal(ActionType.RetryPayment, actions[0].Action);
        Assert.Equal((ActionType.Refund, false, false, world.Refused.AuditEntryId), (actions[1].Action, actions[1].Allowed, actions[1].HumanCanGrant, actions[1].AuditEntryId));
        Assert.Equal(unanswered, actions[2]);
        // Not the other customer's, not older than the look-back.
        Assert.DoesNotContain(actions, a => a.AuditEntryId is 900 or 901);
    }

    [Fact]
    public async Task Merging_into_an_open_case_keeps_one_action_per_gate_decision()
    {
        await using var host = await LeewayTestHost.StartAsync();
        var world = await SeedAsync(host);
        var desk = host.Get<CaseDesk>();
        var ct = CancellationToken.None;

        var first = await desk.OpenWithContextAsync(new CaseOpening("cus_desk", "r", CaseSources.Tier0, "normal", "First.", world.Diagnosis), ct);
        var joined = await desk.OpenWithContextAsync(new CaseOpening("cus_desk", "r", CaseSources.Dashboard, "normal", "Again.", world.Diagnosis, Outcomes: [world.Refused]), ct);

        Assert.Equal(first.Id, joined.Id);
        Assert.Equal(2, joined.Packet.ActionsAttempted.Count);
    }

    private static async Task<World> SeedAsync(LeewayTestHost host)
    {
        var ct = CancellationToken.None;
        var now = host.Get<TimeProvider>().GetUtcNow();
        var conversations = host.Get<ConversationStore>();
        var conversation = await conversations.StartAsync("cus_desk", "chat", ct);
        await conversations.AppendAsync(conversation.Id, "customer", "I want my money back", null, null, ct);
        await conversations.AppendAsync(conversation.Id, LeeNames.Author, "A person will look at it.", null, null, ct);

        var actions = host.Get<GateActions>();
        await actions.WriteAsync(Record(actions.NewId(), "cus_desk", new RetryPayment("in_desk"), now.AddMinutes(-10), GateDecision.Allowed, 801, "in_desk"), ct);
        await actions.WriteAsync(Record(actions.NewId(), "cus_desk", new RefundCharge("ch_desk", 24000, "requested_by_customer"), now.AddMinutes(-5), GateDecision.Denied, 802, null), ct);
        await actions.WriteAsync(Record(actions.NewId(), "cus_other", new RefundCharge("ch_other", null, "duplicate"), now.AddMinutes(-4), GateDecision.Allowed, 900, "re_other"), ct);
        await actions.WriteAsync(Record(actions.NewId(), "cus_desk", new RefundCharge("ch_old", null, "duplicate"), now.AddDays(-40), GateDecision.Allowed, 901, "re_old"), ct);

        // Lee's turn kept the gate's whole answer to the refusal: a person may grant it.
        var refused = new GateOutcome(ActionType.Refund, false, GateRules.RefundAutoMax, "Above the automatic refund limit.", false, true, null, 802);
        await conversations.RecordActionsAsync(conversation.Id, 1, [refused], ct);
        var diagnosis = new Diagnosis("cus_desk", "amber", RootCause.UsageSpike, "Usage is 10x the usual.", RecommendedAction.ExplainUsage, false,
            [new Finding(RootCause.UsageSpike, "api_calls spiked", ["in_desk"], new Dictionary<string, string>())], [], now);
        return new World(conversation.Id, diagnosis, refused);
    }

    private static GateActionRecord Record(string id, string customerId, BillingAction action, DateTimeOffset at, GateDecision decision, long auditEntry, string? result) =>
        new(id, at, "agent-lee", $"customer:{customerId}", customerId, action, decision, decision == GateDecision.Denied ? GateRules.RefundAutoMax : GateRules.Allowed,
            decision == GateDecision.Denied ? "Above the automatic refund limit." : "ok", decision == GateDecision.Allowed, null, null, result, result is null ? null : "succeeded",
            $"leeway:{id}", $"conv:{id}", null, auditEntry, null);

    private sealed record World(string ConversationId, Diagnosis Diagnosis, GateOutcome Refused);
}
