using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Tests.Diagnostics;

public sealed class RemediesTests
{
    /// <summary>Each recommendation and the gate action that carries it out, in wire names (null: no gate action does).</summary>
    public static TheoryData<string, string?> Table => new()
    {
        { "retry_payment", "retry_payment" },
        { "update_card", "card_update_link" },
        { "contact_bank", "card_update_link" },
        { "authenticate_payment", "authenticate_payment" },
        { "regenerate_link", "regenerate_link" },
        { "pay_with_link", "regenerate_link" },
        { "refund_duplicate", "refund" },
        { "contact_human", null },
        { "explain_usage", null },
        { "explain_refund", null },
        { "none", null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_recommendation_is_carried_out_by_one_gate_action(string recommended, string? action)
    {
        var gateAction = Remedies.GateAction(WireName.Parse<RecommendedAction>(recommended));

        Assert.Equal(action, gateAction is { } a ? WireName.Of(a) : null);
    }

    [Fact]
    public void The_table_covers_every_recommendation()
    {
        Assert.Equal(WireName.All<RecommendedAction>().Order(), Table.Select(row => (string)row[0]).Order());
    }

    [Fact]
    public void A_root_cause_is_self_serve_exactly_when_a_gate_action_carries_out_its_recommendation()
    {
        foreach (var cause in RootCauses.All)
        {
            Assert.True(
                cause.SelfServeEligible == Remedies.GateAction(cause.RecommendedAction).HasValue,
                $"{cause.Code}: self-serve {cause.SelfServeEligible}, recommended {WireName.Of(cause.RecommendedAction)}");
        }
    }

    [Fact]
    public void Links_are_the_actions_that_hand_the_customer_a_page()
    {
        var links = Enum.GetValues<ActionType>().Where(Remedies.IsLink).Select(WireName.Of).Order();

        Assert.Equal(["authenticate_payment", "card_update_link", "regenerate_link"], links);
    }
}
