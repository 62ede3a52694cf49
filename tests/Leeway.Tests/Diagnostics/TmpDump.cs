using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.Diagnostics.Rules;

namespace Leeway.Tests.Diagnostics;

public sealed class TmpDump
{
    [Fact]
    public void Dump()
    {
        using var w = new StreamWriter("/tmp/dump.txt");
        foreach (var file in Directory.GetFiles(ScenarioFiles.DevFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var scenario = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
            var customerId = scenario["customer"]!.GetValue<string>();
            var customer = scenario["world"]!["customers"]!.AsArray().OfType<JsonObject>().Single(c => c["id"]!.GetValue<string>() == customerId);
            var unavailable = (scenario["faults"] as JsonArray ?? []).Select(f => f!["source"]!.GetValue<string>()).ToArray();
            var d = RuleEngine.Diagnose(customerId, ScenarioWorld.Input(customer, scenario["now"]!.GetValue<string>(), null, unavailable), []);
            w.WriteLine($"=== {Path.GetFileName(file)}: {d.RootCause}\n{d.Explanation}");
            foreach (var f in d.Findings)
            {
                w.WriteLine($"  - {f.RootCause}: {f.Summary} [{string.Join(",", f.ObjectIds)}] {JsonSerializer.Serialize(f.Facts)}");
            }
        }
    }
}
