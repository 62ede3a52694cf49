using System.Text.Json.Nodes;
using Leeway.Eval;

namespace Leeway.Tests.Eval;

public sealed class ScenarioLoaderTests
{
    private static JsonObject DevScenario(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFiles.DevScenarios, name)))!.AsObject();

    private static ScenarioFormatException Broken(JsonObject scenario) =>
        Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Parse(scenario.ToJsonString(), "broken.json"));

    [Fact]
    public void Every_dev_scenario_loads()
    {
        var files = ScenarioLoader.Expand([SharedFiles.DevScenarios]);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var scenario = ScenarioLoader.Load(file);
            Assert.False(string.IsNullOrEmpty(scenario.Id));
            Assert.Contains(scenario.Customers, c => c.Id == scenario.Customer);
        }
    }

    [Fact]
    public void A_v1_1_conversation_keeps_complete_link_in_order_and_counts_only_messages()
    {
        var scenario = ScenarioLoader.Load(Path.Combine(SharedFiles.LinkScenarios, "dev-31-expired-card-link-completed.json"));

        Assert.Equal(["why does my billing page say my payment failed??"], scenario.Conversation);
        Assert.Equal(2, scenario.AllTurns.Count);
        Assert.Equal("4444", scenario.AllTurns[1].CompleteLink!["payment_method"]!["last4"]!.GetValue<string>());
    }

    [Fact]
    public void A_complete_link_with_an_unknown_field_or_a_bad_card_is_refused_with_its_path()
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFiles.LinkScenarios, "dev-31-expired-card-link-completed.json")))!.AsObject();
        scenario["conversation"]![1]!["complete_link"]!["payment_method"]!["last4"] = "44";
        Assert.Equal("$.conversation[1].complete_link.payment_method.last4", Broken(scenario).JsonPath);
        scenario["conversation"]![1] = new JsonObject { ["complete_lnk"] = new JsonObject() };
        Assert.Equal("$.conversation[1].complete_lnk", Broken(scenario).JsonPath);
        scenario["conversation"]![1] = 42;
        Assert.Equal("$.conversation[1]", Broken(scenario).JsonPath);
    }

    [Fact]
    public void An_unknown_field_is_named_with_its_path()
    {
        var scenario = DevScenario("dev-02-insufficient-funds-retry.json");
        scenario["world"]!["customers"]![0]!["payment_methods"]![0]!["on_chrge"] = "succeed";
        var error = Broken(scenario);
        Assert.Equal("$.world.customers[0].payment_methods[0].on_chrge", error.JsonPath);
        Assert.Contains("broken.json", error.Message);
        Assert.Contains("unknown field", error.Message);
    }

    [Fact]
    public void A_wrong_type_names_the_value()
    {
        var scenario = DevScenario("dev-02-insufficient-funds-retry.json");
        scenario["world"]!["customers"]![0]!["invoices"]![0]!["amount_due"] = "20.00";
        var error = Broken(scenario);
        Assert.Equal("$.world.customers[0].invoices[0].amount_due", error.JsonPath);
        Assert.Contains("\"20.00\"", error.Message);
    }

    [Fact]
    public void A_dangling_id_is_refused()
    {
        var scenario = DevScenario("dev-04-duplicate-charge-refund.json");
        scenario["world"]!["customers"]![0]!["charges"]![0]!["invoice"] = "in_missing";
        var error = Broken(scenario);
        Assert.Equal("$.world.customers[0].charges[0].invoice", error.JsonPath);
        Assert.Contains("in_missing", error.Message);
    }

    [Fact]
    public void An_event_must_name_an_object_of_the_kind_stripe_sends()
    {
        var scenario = DevScenario("dev-30-tier0-insufficient-funds-nudge.json");
        scenario["events"]![0]!["object"] = "sub_eko";
        var error = Broken(scenario);
        Assert.Equal("$.events[0].object", error.JsonPath);
        Assert.Contains("expected a invoice", error.Message);
    }

    [Fact]
    public void An_unknown_policy_key_lists_the_allowed_ones()
    {
        var scenario = DevScenario("dev-26-duplicate-over-lowered-cap.json");
        scenario["policy"]!["refund_max"] = 10;
        var error = Broken(scenario);
        Assert.Equal("$.policy.refund_max", error.JsonPath);
        Assert.Contains("refund_auto_max", error.Message);
    }

    [Fact]
    public void An_outcome_needs_a_conversation()
    {
        var scenario = DevScenario("dev-12-tier0-expired-card-nudge.json");
        scenario["expect"]!["outcome"] = "resolved";
        Assert.Equal("$.expect.outcome", Broken(scenario).JsonPath);
    }

    [Fact]
    public void Invalid_json_names_the_line()
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioLoader.Parse("{\n  \"id\": \"x\",\n  oops\n}", "broken.json"));
        Assert.StartsWith("line 3", error.JsonPath);
    }

    [Fact]
    public async Task Eval_exits_2_naming_an_invalid_file()
    {
        var scenario = DevScenario("dev-01-healthy-question.json");
        scenario["surprise"] = true;
        var file = Path.Combine(Path.GetTempPath(), $"leeway-broken-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, scenario.ToJsonString());
        try
        {
            var output = new StringWriter();
            var errors = new StringWriter();
            var exit = await EvalRunner.RunAsync([file], 1, 1, null, output, errors, CancellationToken.None);
            Assert.Equal(2, exit);
            Assert.Contains($"{file}: $.surprise: unknown field", errors.ToString());
            Assert.Equal("", output.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
