using System.Text.Json;
using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Leeway.Storage;

namespace Leeway.Tests.Storage;

public sealed class WireNameTests
{
    [Fact]
    public void Action_types_keep_the_scenario_format_and_audit_spellings()
    {
        Assert.Equal(
            ["retry_payment", "refund", "regenerate_link", "card_update_link", "authenticate_payment", "cancel_subscription", "credit", "use_card", "resume_subscription"],
            WireName.All<ActionType>());
    }

    [Fact]
    public void Json_writes_and_reads_the_same_spelling_as_WireName()
    {
        foreach (var action in Enum.GetValues<ActionType>())
        {
            var json = JsonSerializer.Serialize(action);
            Assert.Equal($"\"{WireName.Of(action)}\"", json);
            Assert.Equal(action, JsonSerializer.Deserialize<ActionType>(json));
        }

        foreach (var recommended in Enum.GetValues<RecommendedAction>())
        {
            Assert.Equal($"\"{WireName.Of(recommended)}\"", JsonSerializer.Serialize(recommended));
        }
    }

    [Fact]
    public void A_record_carrying_a_word_speaks_the_wire()
    {
        var outcome = new GateOutcome(ActionType.RetryPayment, true, GateRules.Allowed, "ok", true, false, null, 1);

        var json = JsonSerializer.Serialize(outcome);

        Assert.Contains("\"action\":\"retry_payment\"", json, StringComparison.Ordinal);
        Assert.Equal(ActionType.RetryPayment, JsonSerializer.Deserialize<GateOutcome>(json)!.Action);
    }

    [Theory]
    [InlineData("\"RetryPayment\"")]
    [InlineData("\"retry-payment\"")]
    [InlineData("0")]
    public void Json_refuses_other_spellings_and_numbers(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ActionType>(json));
    }

    [Fact]
    public void Parse_names_the_value_and_the_choices()
    {
        var error = Assert.Throws<FormatException>(() => WireName.Parse<ActionType>("refund_charge"));

        Assert.Contains("'refund_charge'", error.Message, StringComparison.Ordinal);
        Assert.Contains("cancel_subscription", error.Message, StringComparison.Ordinal);
        Assert.False(WireName.TryParse<ActionType>(null, out _));
    }
}
