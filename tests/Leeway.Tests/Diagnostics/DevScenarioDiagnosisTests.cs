using System.Text.Json.Nodes;
using Leeway.Diagnostics.Rules;
using Leeway.Policy;
using Leeway.Policy.Rules;
using Leeway.Storage;

namespace Leeway.Tests.Diagnostics;

/// <summary>
/// Every dev scenario's <c>expect.diagnosis</c>, reproduced by the rules from its world turned into Stripe objects in
/// memory (the end-to-end run through the sandbox is <see cref="SandboxDiagnosisTests"/>).
/// </summary>
public sealed class DevScenarioDiagnosisTests
{
    /// <summary>The dev scenarios that say what the diagnosis must be.</summary>
    public static TheoryData<string> Scenarios()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SharedFiles.DevScenarios, "*.json").Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(file))!["expect"]?["diagnosis"] is not null)
            {
                data.Add(Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Rules_give_the_expected_diagnosis(string file)
    {
        var scenario = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedFiles.DevScenarios, file)))!.AsObject();
        var customerId = scenario["customer"]!.GetValue<string>();
        var customer = scenario["world"]!["customers"]!.AsArray().OfType<JsonObject>().Single(c => c["id"]!.GetValue<string>() == customerId);
        var unavailable = (scenario["faults"] as JsonArray ?? []).Select(f => f!["source"]!.GetValue<string>()).ToArray();
        var policy = new PolicySettings();
        if (scenario["policy"]?["usage_spike_factor"] is { } factor)
        {
            policy = policy with { UsageSpikeFactor = factor.GetValue<double>() };
        }

        var input = ScenarioWorld.Input(customer, scenario["now"]!.GetValue<string>(), policy, unavailable);
        var diagnosis = RuleEngine.Diagnose(customerId, input, []);

        var expected = scenario["expect"]!["diagnosis"]!.AsObject();
        var because = $"{file}: findings were [{string.Join(", ", diagnosis.Findings.Select(f => WireName.Of(f.RootCause)))}]";
        foreach (var (key, value) in expected)
        {
            var actual = key switch
            {
                "status" => diagnosis.Status,
                "root_cause" => WireName.Of(diagnosis.RootCause),
                "recommended_action" => WireName.Of(diagnosis.RecommendedAction),
                "self_serve_eligible" => diagnosis.SelfServeEligible ? "true" : "false",
                _ => throw new InvalidOperationException($"{file}: unknown expect.diagnosis key '{key}'"),
            };
            var want = value!.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
            Assert.True(want == actual, $"{key}: expected '{want}', got '{actual}' ({because})");
        }
    }
}
