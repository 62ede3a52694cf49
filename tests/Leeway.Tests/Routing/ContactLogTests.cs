using Leeway.Agent.Understanding;
using Leeway.Observability;
using Leeway.Observability.Cost;
using Leeway.Routing;

namespace Leeway.Tests.Routing;

public sealed class ContactLogTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Contacts_outcomes_replies_surveys_nudges_and_recoveries_add_up_per_day(string kind)
    {
        await using var world = await ContactLogWorld.CreateAsync(kind);
        var log = world.Log;
        var ct = CancellationToken.None;

        // Day 1: a self-served fix, an escalation from Lee, a question answered, one still open; a nudge and a recovery.
        var fixedByCustomer = await world.ContactAsync(Intent.PaymentFailed, Tier.SelfHeal);
        var escalated = await world.ContactAsync(Intent.RefundRequest, Tier.Agent);
        var answered = await world.ContactAsync(Intent.BillingQuestion, Tier.Agent, customer: "cus_2");
        await world.ContactAsync(Intent.BillingQuestion, Tier.Agent);
        await log.RecordNudgeAsync("cus_3", "card_expiring", "email", ct);
        world.Time.Advance(TimeSpan.FromSeconds(90));
        await log.RecordReplyAsync(answered.Id, TimeSpan.FromMilliseconds(400), ct);
        await log.RecordReplyAsync(answered.Id, TimeSpan.FromMilliseconds(1200), ct);
        Assert.Equal(ContactOutcome.SelfServe, (await log.RecordOutcomeAsync(fixedByCustomer.Id, ContactOutcome.SelfServe, null, null, ct))!.Outcome);
        var handed = await log.RecordOutcomeAsync(escalated.Id, ContactOutcome.Escalated, null, "case_1", ct);
        await log.RecordOutcomeAsync(answered.Id, ContactOutcome.Answered, null, null, ct);
        Assert.Equal(SurveyResult.Recorded, await log.RecordSurveyAsync(answered.Id, "cus_2", 5, ct));
        Assert.Equal(SurveyResult.Recorded, await log.RecordSurveyAsync(fixedByCustomer.Id, "cus_1", 4, ct));
        Assert.True(await log.RecordRecoveryAsync("cus_3", "in_1", 4_900, "USD", "nudge", ct));
        Assert.False(await log.RecordRecoveryAsync("cus_3", "in_1", 4_900, "usd", "nudge", ct));

        // Day 2: one contact straight to a person.
        world.Time.Advance(TimeSpan.FromDays(1));
        await world.ContactAsync(Intent.Dispute, Tier.Human);

        Assert.Equal((Tier.Human, "case_1"), (handed!.FinishedTier, handed.CaseId));
        var window = new OpsWindow(DateOnly.FromDateTime(ContactLogWorld.Start.UtcDateTime), DateOnly.FromDateTime(ContactLogWorld.Start.UtcDateTime).AddDays(2));
        var tallies = await log.TallyAsync(window.Start, window.End, ct);
        var recoveries = await log.RecoveriesAsync(window.Start, window.End, ct);
        var metrics = MetricsSeries.Build(window, tallies, recoveries);

        Assert.Equal(3, metrics.Days.Count);
        var day1 = metrics.Days[0];
        Assert.Equal(4, day1.Contacts);
        Assert.Equal(3, day1.Ended);
        Assert.Equal(2.0 / 3, day1.AutomatedResolutionRate!.Value, 3);
        Assert.Equal(3.0 / 4, day1.ContainmentRate!.Value, 3);
        Assert.Equal(1, day1.Escalations);
        Assert.Equal(0, day1.DeadEnds);
        Assert.Equal(4.5, day1.EffortScore);
        Assert.Equal(90, day1.TimeToResolutionSeconds);
        Assert.Equal(800, day1.ReplyLatencyMilliseconds);
        Assert.Equal(1200, day1.ReplyLatencyMaxMilliseconds);
        Assert.Equal(1, day1.NudgesSent);
        Assert.Equal(1, day1.PaymentsRecovered);
        Assert.Equal(4_900, day1.RecoveredAmount["usd"]);
        Assert.Equal(new Dictionary<string, long> { ["prevent"] = 1, ["self_heal"] = 1, ["ai"] = 2, ["human"] = 1 }, day1.ByTier);
        Assert.Equal(2, day1.ByIntent[Intent.BillingQuestion]);

        var day2 = metrics.Days[1];
        Assert.Equal((1, 1, 0L), (day2.Contacts, day2.DirectToHuman, day2.Escalations));
        Assert.Null(day2.AutomatedResolutionRate);
        Assert.Equal(0, metrics.Days[2].Contacts);
        Assert.Equal(5, metrics.Totals.Contacts);

        // The cost model reads the same log: 1 prevented, 1 self-healed, 2 by Lee, 2 by people over a 3-day window.
        var cost = CostModel.FromLog(window, tallies, recoveries, new CostOptions());
        Assert.Equal([1L, 1, 2, 2], cost.Rows.Select(r => r.Volume));
        Assert.Equal((long)Math.Round((10 + 40 + 1600) * 10.0), cost.Total.MonthlyCost);
        Assert.Equal(4_900 * 10, cost.Recovered.Single().MonthlyAmount);
    }

    [Fact]
    public async Task The_survey_is_answered_once_and_only_by_the_customer_whose_contact_it_is()
    {
        await using var world = await ContactLogWorld.CreateAsync();
        var contact = await world.ContactAsync(Intent.UpdateCard, Tier.SelfHeal, customer: "cus_owner");

        Assert.Equal(SurveyResult.NotFound, await world.Log.RecordSurveyAsync(contact.Id, "cus_other", 1, default));
        Assert.Equal(SurveyResult.Recorded, await world.Log.RecordSurveyAsync(contact.Id, "cus_owner", 2, default));
        Assert.Equal(SurveyResult.AlreadyAnswered, await world.Log.RecordSurveyAsync(contact.Id, "cus_owner", 5, default));
        Assert.Equal(2, (await world.Log.GetAsync(contact.Id, default))!.EffortScore);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => world.Log.RecordSurveyAsync(contact.Id, "cus_owner", 6, default));
    }

    [Fact]
    public async Task A_later_outcome_replaces_an_earlier_one_but_the_finishing_tier_never_goes_down()
    {
        await using var world = await ContactLogWorld.CreateAsync();
        var contact = await world.Log.RecordContactAsync(
            new NewContact("chat", "cus_1", true, "pro", "normal", Intent.RefundRequest, 0.8, new RoutingDecision(Tier.Agent, "agent_acts", "r", false, true), ConversationId: "conv_1"),
            default);

        await world.Log.RecordOutcomeAsync(contact.Id, ContactOutcome.Escalated, null, "case_9", default);
        var closed = await world.Log.RecordOutcomeAsync(contact.Id, ContactOutcome.Resolved, Tier.Agent, null, default);

        Assert.Equal((ContactOutcome.Resolved, Tier.Human, "case_9"), (closed!.Outcome, closed.FinishedTier, closed.CaseId));
        Assert.Equal(contact.Id, (await world.Log.FindByConversationAsync("conv_1", default))!.Id);
        Assert.Null(await world.Log.RecordOutcomeAsync("ctc_missing", ContactOutcome.Resolved, null, null, default));
        await Assert.ThrowsAsync<ArgumentException>(() => world.Log.RecordOutcomeAsync(contact.Id, "fixed-ish", null, null, default));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Contacts_are_found_by_case_and_by_customer_and_channel_and_finish_at_the_tier_that_did_the_work(string kind)
    {
        await using var world = await ContactLogWorld.CreateAsync(kind);
        var log = world.Log;

        // Routed to a person (high risk), answered by Lee in the chat: Lee's tier, not the routed one.
        var answered = await world.ContactAsync(Intent.BillingQuestion, Tier.Human);
        Assert.Equal(Tier.Agent, (await log.RecordOutcomeAsync(answered.Id, ContactOutcome.Answered, Tier.Agent, null, default))!.FinishedTier);
        Assert.Equal(Tier.Human, (await log.RecordOutcomeAsync(answered.Id, ContactOutcome.Abandoned, null, null, default))!.FinishedTier);

        world.Time.Advance(TimeSpan.FromMinutes(5));
        var fix = await world.ContactAsync(Intent.RetryPayment, Tier.SelfHeal, channel: ContactChannel.Dashboard);
        await log.RecordOutcomeAsync(fix.Id, ContactOutcome.Escalated, null, "case_7", default);
        world.Time.Advance(TimeSpan.FromMinutes(5));
        await world.ContactAsync(Intent.Other, Tier.Agent, customer: "cus_2", channel: ContactChannel.Dashboard);

        Assert.Equal(fix.Id, (await log.FindByCaseAsync("case_7", default))!.Id);
        Assert.Null(await log.FindByCaseAsync("case_8", default));
        Assert.Equal(fix.Id, (await log.LatestForCustomerAsync("cus_1", ContactChannel.Dashboard, ContactLogWorld.Start, default))!.Id);
        Assert.Equal(answered.Id, (await log.LatestForCustomerAsync("cus_1", ContactChannel.Chat, ContactLogWorld.Start, default))!.Id);
        Assert.Null(await log.LatestForCustomerAsync("cus_1", ContactChannel.Dashboard, world.Time.GetUtcNow(), default));
    }
}
