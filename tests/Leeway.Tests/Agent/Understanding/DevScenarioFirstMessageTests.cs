using Leeway.Agent.Understanding;

namespace Leeway.Tests.Agent.Understanding;

/// <summary>The first message of every dev scenario with a conversation lands on an intent Agent Lee can act on.</summary>
public sealed class DevScenarioFirstMessageTests
{
    private static readonly Understander Understander = SharedIntentModel.ProductUnderstander();

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "dev-01", DevScenarioMessages.FirstMessages[0], "billing_question" },
        { "dev-02", DevScenarioMessages.FirstMessages[1], "retry_payment" },
        { "dev-03", DevScenarioMessages.FirstMessages[2], "payment_failed" },
        { "dev-04", DevScenarioMessages.FirstMessages[3], "duplicate_charge" },
        { "dev-05", DevScenarioMessages.FirstMessages[4], "refund_request" },
        { "dev-06", DevScenarioMessages.FirstMessages[5], "payment_link" },
        { "dev-07", DevScenarioMessages.FirstMessages[6], "payment_failed" },
        { "dev-08", DevScenarioMessages.FirstMessages[7], "dispute|refund_request" },
        { "dev-09", DevScenarioMessages.FirstMessages[8], "retry_payment" },
        { "dev-10", DevScenarioMessages.FirstMessages[9], "refund_request" },
        { "dev-11", DevScenarioMessages.FirstMessages[10], "retry_payment|billing_question" },
        { "dev-13", DevScenarioMessages.FirstMessages[11], "update_card" },
        { "dev-14", DevScenarioMessages.FirstMessages[12], "payment_failed|update_card" },
        { "dev-15", DevScenarioMessages.FirstMessages[13], "update_card" },
        { "dev-16", DevScenarioMessages.FirstMessages[14], "billing_question" },
        { "dev-17", DevScenarioMessages.FirstMessages[15], "refund_status" },
        { "dev-18", DevScenarioMessages.FirstMessages[16], "access_issue" },
        { "dev-19", DevScenarioMessages.FirstMessages[17], "usage_question" },
        { "dev-20", DevScenarioMessages.FirstMessages[18], "retry_payment" },
        { "dev-21", DevScenarioMessages.FirstMessages[19], "cancel_subscription" },
        { "dev-22", DevScenarioMessages.FirstMessages[20], "talk_to_human" },
        { "dev-23", DevScenarioMessages.FirstMessages[21], "refund_request" },
        { "dev-24", DevScenarioMessages.FirstMessages[22], "refund_request" },
        { "dev-25", DevScenarioMessages.FirstMessages[23], "refund_request" },
        { "dev-26", DevScenarioMessages.FirstMessages[24], "duplicate_charge" },
        { "dev-27", DevScenarioMessages.FirstMessages[25], "cancel_subscription" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void First_message_classifies_to_a_sensible_intent(string scenario, string message, string expected)
    {
        var understood = Understander.Understand(message);
        Assert.True(expected.Split('|').Contains(understood.Intent), $"{scenario}: expected {expected}, got {understood.Intent} ({understood.Confidence:0.00})");
    }

    [Fact]
    public void Injection_and_authority_claims_are_flagged_but_do_not_change_the_ask()
    {
        var injected = Understander.Understand(DevScenarioMessages.FirstMessages[9]);
        Assert.True(injected.Signals.ClaimsAuthority);
        Assert.Contains("ch_jon_nov", injected.Entities.ObjectIds);

        var admin = Understander.Understand(DevScenarioMessages.FollowUps[1]);
        Assert.True(admin.Signals.ClaimsAuthority);
        Assert.Contains(admin.Intent, new[] { Intent.RefundRequest, Intent.RefundStatus });
    }

    [Fact]
    public void Follow_ups_carry_what_the_agent_needs()
    {
        var charge = Understander.Understand(DevScenarioMessages.FollowUps[2]);
        Assert.Equal(Intent.RetryPayment, charge.Intent);
        Assert.Equal(new[] { "4242" }, charge.Entities.CardLast4);
        Assert.Equal(new[] { new MoneyMention(1900, "usd") }, charge.Entities.Amounts);

        var confirm = Understander.Understand(DevScenarioMessages.FollowUps[4]);
        Assert.True(confirm.Signals.Affirmation);
        Assert.False(confirm.Signals.Negation);
        Assert.Equal("fr", confirm.Signals.Language);

        var allSquare = Understander.Understand(DevScenarioMessages.FollowUps[3]);
        Assert.True(allSquare.Signals.Affirmation);

        var cancel = Understander.Understand(DevScenarioMessages.FirstMessages[19], new DateOnly(2026, 11, 10));
        Assert.Equal("fr", cancel.Signals.Language);
        Assert.Contains(new DateOnly(2026, 12, 1), cancel.Entities.Dates);
        Assert.False(cancel.Signals.AsksForHuman);
    }
}
