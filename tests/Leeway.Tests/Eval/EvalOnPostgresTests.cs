using System.Text.RegularExpressions;
using Leeway.Eval;

namespace Leeway.Tests.Eval;

/// <summary>Every path of the product, not only the storage classes, on PostgreSQL: the dev scenarios, each world in its own
/// fresh database on the server ./test.sh starts (LEEWAY_TEST_POSTGRES), dropped afterwards.</summary>
public sealed class EvalOnPostgresTests
{
    [Fact]
    public async Task Every_dev_scenario_passes_on_postgres()
    {
        var admin = Environment.GetEnvironmentVariable("LEEWAY_TEST_POSTGRES")
            ?? throw new InvalidOperationException("LEEWAY_TEST_POSTGRES is not set: run ./test.sh, which installs and starts PostgreSQL for these tests.");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exit = await EvalRunner.RunAsync([SharedFiles.DevScenarios], 2, 1, null, output, errors, CancellationToken.None, postgres: admin);

        Assert.True(exit == 0, errors.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var tally = Regex.Match(lines[^1], "^(\\d+) passed, 0 failed$");
        Assert.True(tally.Success, string.Join('\n', lines.Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).Append(lines[^1])));
        Assert.Equal(ScenarioLoader.Expand([SharedFiles.DevScenarios]).Count, int.Parse(tally.Groups[1].Value));
    }

    [Fact]
    public async Task A_server_that_does_not_answer_is_a_clear_error_before_any_world_starts()
    {
        var errors = new StringWriter();

        var exit = await EvalRunner.RunAsync([SharedFiles.DevScenarios], 1, 1, null, new StringWriter(), errors, CancellationToken.None, postgres: "Host=127.0.0.1;Port=1;Username=nobody;Timeout=2");

        Assert.Equal(2, exit);
        Assert.StartsWith("--postgres: cannot use 'Host=127.0.0.1;Port=1", errors.ToString());
    }
}
