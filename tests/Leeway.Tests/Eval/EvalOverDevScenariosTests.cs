using System.Text.RegularExpressions;
using Leeway.Eval;

namespace Leeway.Tests.Eval;

[Collection(DevAndLinksEvalCollection.Name)]
public sealed class EvalOverDevScenariosTests(DevAndLinksEvalRun run)
{
    [Fact]
    public async Task Every_dev_and_links_scenario_gets_a_verdict_and_the_run_closes_with_the_tally()
    {
        var files = ScenarioLoader.Expand(DevAndLinksEvalRun.Folders);

        Assert.True(run.Exit == 0, run.Errors);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(files.Count + 1, lines.Length);
        foreach (var file in files)
        {
            var id = ScenarioLoader.Load(file).Id;
            Assert.Contains(lines, l => l == $"PASS {id}" || l.StartsWith($"FAIL {id}: ", StringComparison.Ordinal));
        }

        var tally = Regex.Match(lines[^1], "^(\\d+) passed, (\\d+) failed$");
        Assert.True(tally.Success, lines[^1]);
        Assert.Equal(files.Count, int.Parse(tally.Groups[1].Value) + int.Parse(tally.Groups[2].Value));
        // The customer completing a link on Stripe's page really fixes the problem (v1.1 complete_link).
        foreach (var file in ScenarioLoader.Expand([SharedFiles.LinkScenarios]))
        {
            Assert.Contains($"PASS {ScenarioLoader.Load(file).Id}", lines);
        }

        var report = await File.ReadAllTextAsync(run.ReportFile);
        Assert.Contains("\"policy_violations\"", report);
        Assert.Contains("\"transcript\"", report);
        Assert.Contains("\"lee\": \"", report);
    }
}
