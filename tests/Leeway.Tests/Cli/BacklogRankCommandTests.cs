using System.Globalization;
using System.Text.Json;
using Leeway.Agent.Understanding;

namespace Leeway.Tests.Cli;

/// <summary>
/// <c>leeway backlog generate</c> and <c>rank</c> as real processes with standard output piped (no terminal, so no
/// width): whole intent names, one line per intent, and the same ranking in csv, json and markdown.
/// </summary>
public sealed class BacklogRankCommandTests(BacklogRankCommandTests.Export export) : IClassFixture<BacklogRankCommandTests.Export>
{
    [Fact]
    public async Task Piped_the_table_keeps_every_intent_whole_on_one_line_and_counts_out_of_scope_apart()
    {
        var result = await LeewayProcess.RunAsync(export.Root, "backlog", "rank", "cases.csv", "--chart", "chart.html");

        Assert.True(result.Exit == 0, result.ToString());
        var lines = result.StdoutLines;
        Assert.StartsWith("cases.csv: 400 cases, 2026-", lines[0]);
        var header = Assert.Single(lines, l => l.StartsWith("Intent", StringComparison.Ordinal));
        Assert.Contains("Tier that could take it", header);
        Assert.EndsWith("Monthly with Leeway", header);
        // No word is broken: every token with an underscore is a whole intent name, and each ranked intent heads one line.
        var tokens = result.Stdout.Split([' ', '\n', '(', ')', ',', ';', '.'], StringSplitOptions.RemoveEmptyEntries);
        Assert.All(tokens.Where(t => t.Contains('_')), t => Assert.Contains(t, Intent.All));
        using var json = JsonDocument.Parse((await LeewayProcess.RunAsync(export.Root, "backlog", "rank", "cases.csv", "--format", "json", "--chart", "chart.svg")).Stdout);
        var ranked = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("intent").GetString()!).ToList();
        Assert.NotEmpty(ranked);
        Assert.DoesNotContain(Intent.Other, ranked);
        Assert.All(ranked, intent => Assert.Single(lines, l => l.StartsWith(intent + " ", StringComparison.Ordinal)));
        Assert.Single(lines, l => l.StartsWith("Billing cases ", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith("Out of scope (not about billing)", StringComparison.Ordinal) || l.StartsWith("No case was read as out of scope", StringComparison.Ordinal));
        // Notes go to standard error; the chart is written.
        Assert.Contains("Chart: chart.html", result.Stderr);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(export.Root, "chart.html")));
    }

    [Fact]
    public async Task Csv_json_and_markdown_print_the_same_ranking()
    {
        var csv = await LeewayProcess.RunAsync(export.Root, "backlog", "rank", "cases.csv", "--format", "csv", "--chart", "chart-csv.html");
        var json = await LeewayProcess.RunAsync(export.Root, "backlog", "rank", "cases.csv", "--format", "json", "--chart", "chart-json.html");
        var markdown = await LeewayProcess.RunAsync(export.Root, "backlog", "rank", "cases.csv", "--format", "markdown", "--chart", "chart-md.html");

        Assert.True(csv.Exit == 0, csv.ToString());
        var rows = csv.StdoutLines;
        Assert.Equal("intent,in_scope,cases,share,cumulative_share,mean_confidence,unsure_cases,tier,tier_label,monthly_cases,monthly_cost_now,monthly_cost_with_leeway,currency", rows[0]);
        var cells = rows.Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(400, cells.Sum(c => long.Parse(c[2], CultureInfo.InvariantCulture)));
        Assert.Equal([Intent.Other, "false"], cells[^1][..2]);
        Assert.All(cells[..^1], c => Assert.InRange(double.Parse(c[5], CultureInfo.InvariantCulture), 0, 1));

        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(400, document.RootElement.GetProperty("cases").GetInt64());
        var jsonRows = document.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(cells[..^1].Select(c => c[0]), jsonRows.Select(r => r.GetProperty("intent").GetString()));
        Assert.Equal(long.Parse(cells[^1][2], CultureInfo.InvariantCulture), document.RootElement.GetProperty("out_of_scope").GetProperty("cases").GetInt64());
        Assert.Equal(1.0, jsonRows[^1].GetProperty("cumulative_share").GetDouble(), 3);

        var table = markdown.StdoutLines.Where(l => l.StartsWith('|')).ToList();
        Assert.Equal("| Intent | Cases | Share | Cumulative | Confidence | Tier that could take it | Monthly now | Monthly with Leeway |", table[0]);
        Assert.Equal("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |", table[1]);
        Assert.Equal(jsonRows.Count + 3, table.Count); // header, rule, a row per intent, the billing total
        Assert.DoesNotContain("Chart:", csv.Stdout + json.Stdout + markdown.Stdout); // notes go to standard error
    }

    [Fact]
    public async Task Generate_prints_what_it_wrote()
    {
        var result = await LeewayProcess.RunAsync(export.Root, "backlog", "generate", "--cases", "25", "--out", "small.csv", "--seed", "3");

        Assert.True(result.Exit == 0, result.ToString());
        Assert.Equal("Wrote 25 cases to small.csv", Assert.Single(result.StdoutLines));
        Assert.Equal("", result.Stderr);
        Assert.True(File.Exists(Path.Combine(export.Root, "small.csv")));
    }

    /// <summary>A 400-case export written by <c>leeway backlog generate</c>, shared by the tests.</summary>
    public sealed class Export : IAsyncLifetime
    {
        public string Root { get; } = LeewayProcess.TempFolder("backlog");

        public async Task InitializeAsync()
        {
            var result = await LeewayProcess.RunAsync(Root, "backlog", "generate", "--cases", "400", "--out", "cases.csv", "--seed", "11");
            Assert.True(result.Exit == 0, result.ToString());
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }
}
