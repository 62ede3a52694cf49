using System.Text.Json;
using Leeway.Agent.Understanding;
using Leeway.Cli;
using Leeway.Observability.Backlog;
using Leeway.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Observability;

/// <summary><c>leeway report cost</c> and <c>leeway backlog</c> run as a person runs them, on real files.</summary>
[Collection(nameof(ConsoleOutput))]
public sealed class CommandsTests
{
    [Fact]
    public async Task Report_cost_reads_the_contacts_a_host_recorded_in_the_data_folder()
    {
        var data = Directory.CreateTempSubdirectory("leeway-report-").FullName;
        var app = LeewayApp.Build([], new Dictionary<string, string?> { ["Storage:DataDirectory"] = data, ["urls"] = "http://127.0.0.1:0", ["Logging:LogLevel:Default"] = "Warning" },
            new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)));
        await app.StartAsync();
        var log = app.Services.GetRequiredService<IContactLog>();
        foreach (var tier in new[] { Tier.SelfHeal, Tier.Agent, Tier.Agent, Tier.Human })
        {
            await log.RecordContactAsync(new NewContact("chat", "cus_1", true, "pro", "normal", Intent.PaymentFailed, 1, new RoutingDecision(tier, "r", "r", false, true)), default);
        }

        await log.RecordRecoveryAsync("cus_1", "in_1", 1_999, "usd", "retry", default);
        await app.StopAsync();
        await app.DisposeAsync();

        var (exit, output) = await RunAsync("report", "cost", "--data", data, "--from", "2026-03-01", "--to", "2026-03-30", "--json");

        Assert.Equal(0, exit);
        using var table = JsonDocument.Parse(output);
        Assert.Equal([0L, 1, 2, 1], table.RootElement.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("volume").GetInt64()));
        Assert.Equal(10 + 40 + 800, table.RootElement.GetProperty("total").GetProperty("monthly_cost").GetInt64());
        Assert.Equal(4 * 800, table.RootElement.GetProperty("monthly_cost_all_human").GetInt64());
        Assert.Equal(1_999, table.RootElement.GetProperty("recovered")[0].GetProperty("amount").GetInt64());
        Assert.Equal(2, (await RunAsync("report", "cost", "--data", data, "--from", "March")).Exit);
    }

    [Fact]
    public async Task Backlog_generate_then_rank_writes_the_table_chart_and_json_and_reports_a_bad_row_by_line()
    {
        var dir = Directory.CreateTempSubdirectory("leeway-backlog-").FullName;
        var csv = Path.Combine(dir, "cases.csv");
        Assert.Equal(0, (await RunAsync("backlog", "generate", "--cases", "300", "--out", csv, "--seed", "4")).Exit);
        var badLine = (await File.ReadAllTextAsync(csv)).Count(c => c == '\n') + 1;
        await File.AppendAllTextAsync(csv, "00000301,2026-03-31T10:00:00.000Z,New\r\n");

        var (exit, output) = await RunAsync("backlog", "rank", csv, "--chart", Path.Combine(dir, "chart.html"), "--json", Path.Combine(dir, "ranking.json"));

        Assert.Equal(0, exit);
        Assert.Contains("payment_failed", output);
        Assert.Contains($"cases.csv, line {badLine}:", output);
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(dir, "chart.html")));
        var ranking = JsonSerializer.Deserialize<BacklogRanking>(await File.ReadAllTextAsync(Path.Combine(dir, "ranking.json")))!;
        Assert.Equal((300L, 1L), (ranking.Cases, ranking.SkippedRows));
        Assert.Equal(2, (await RunAsync("backlog", "rank", Path.Combine(dir, "missing.csv"))).Exit);
    }

    internal static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        // Results (standard output) and notes (standard error) together, as a terminal shows them.
        var original = Console.Out;
        var originalError = Console.Error;
        using var output = new StringWriter();
        Console.SetOut(output);
        Console.SetError(output);
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
            Out = new Spectre.Console.AnsiConsoleOutput(output),
        });
        console.Profile.Width = 240;
        Spectre.Console.AnsiConsole.Console = console;
        try
        {
            var exit = await LeewayCommandLine.InvokeAsync(args);
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Console.SetError(originalError);
            Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings());
        }
    }
}

/// <summary>Tests that swap Console.Out run one at a time.</summary>
[CollectionDefinition(nameof(ConsoleOutput), DisableParallelization = true)]
public sealed class ConsoleOutput;
