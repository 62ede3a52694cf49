using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json;
using Leeway.Agent.Understanding;
using Leeway.Observability.Backlog;
using Leeway.Observability.Cost;
using Leeway.Routing;
using Spectre.Console;

namespace Leeway.Cli;

internal static class BacklogCommand
{
    public static Command Create() => new("backlog", "Phase 1: rank a case backlog by intent, tier and cost.") { Rank(), Generate() };

    private static Command Rank()
    {
        var file = new Argument<string>("file") { Description = "A Salesforce case export (CSV with Subject and/or Description; CaseNumber and CreatedDate used when present)" };
        var chart = new Option<string?>("--chart") { Description = "Where to write the chart: .html (chart and table) or .svg; default FILE.pareto.html" };
        var json = new Option<string?>("--json") { Description = "Also write the ranking as JSON to this file" };
        var workers = new Option<int>("--workers") { Description = "Cases classified in parallel (default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("rank", """
            Classifies every case with Lee's classifier and prints a Pareto table: intent, cases, share, cumulative share,
            the tier that could take it, and the estimated monthly cost now (people handle all) and with Leeway (unit costs
            from configuration Cost:*). Monthly figures divide by the months the CreatedDate span covers. A row that cannot
            be read is reported by its line number; the rest of the file is still ranked. Exit 2 when the file cannot be read.

            Example: leeway backlog rank cases.csv --chart pareto.html
            """)
        {
            file,
            chart,
            json,
            workers,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (parse.GetValue(workers) < 1)
            {
                await Console.Error.WriteLineAsync("--workers must be at least 1.");
                return 2;
            }

            // Unit costs from the same configuration the product reads (appsettings.json, environment Cost__Human=...).
            var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
                .AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            var costs = configuration.GetSection(CostOptions.Section).Get<CostOptions>() ?? new CostOptions();
            Validator.ValidateObject(costs, new ValidationContext(costs), validateAllProperties: true);
            // Lee's classifier, without a web host: its n-gram model alone (the sentence encoder would cost milliseconds
            // a case, hours on a million; the ranking needs the share of each intent, not each case's nuance).
            var ranker = new BacklogRanker(new Understander(SharedIntentModel.Instance), new RoutingTable(), costs);
            BacklogRanking ranking;
            try
            {
                using var reader = CaseCsvReader.Open(path);
                ranking = await RankWithProgressAsync(ranker, reader, path, parse.GetValue(workers), ct);
            }
            catch (BacklogFileException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            Print(ranking);
            var chartPath = parse.GetValue(chart) ?? Path.ChangeExtension(path, null) + ".pareto.html";
            await File.WriteAllTextAsync(chartPath, chartPath.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? BacklogChart.Svg(ranking) : BacklogChart.Html(ranking), ct);
            AnsiConsole.MarkupLine($"Chart: {Markup.Escape(chartPath)}");
            if (parse.GetValue(json) is { } jsonPath)
            {
                await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(ranking, new JsonSerializerOptions { WriteIndented = true }), ct);
                AnsiConsole.MarkupLine($"JSON: {Markup.Escape(jsonPath)}");
            }

            return 0;
        });
        return command;
    }

    private static Command Generate()
    {
        var cases = new Option<long>("--cases") { Description = "How many cases", Required = true };
        var output = new Option<string>("--out") { Description = "The CSV file to write", Required = true };
        var seed = new Option<int>("--seed") { Description = "The same seed writes the same file", DefaultValueFactory = _ => 1 };
        var days = new Option<int>("--days") { Description = "Days the export covers (ending 2026-03-31)", DefaultValueFactory = _ => 90 };
        var command = new Command("generate", """
            Writes a realistic synthetic Salesforce case export (made-up customers at example.com, Salesforce column names,
            a long-tailed intent mix, multi-line quoted descriptions) for tests and demos. Deterministic for a seed.

            Example: leeway backlog generate --cases 9000 --out cases.csv --seed 7
            """)
        {
            cases,
            output,
            seed,
            days,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(cases) < 0 || parse.GetValue(days) < 1)
            {
                Console.Error.WriteLine("--cases must be 0 or more and --days at least 1.");
                return 2;
            }

            using (var stream = new FileStream(parse.GetValue(output)!, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                SyntheticBacklog.Write(stream, parse.GetValue(cases), parse.GetValue(seed), parse.GetValue(days));
            }

            Console.WriteLine($"Wrote {parse.GetValue(cases).ToString("N0", CultureInfo.InvariantCulture)} cases to {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }

    /// <summary>A progress bar by bytes read, only on a terminal: redirected output stays clean for files and pipes.</summary>
    private static async Task<BacklogRanking> RankWithProgressAsync(BacklogRanker ranker, CaseCsvReader reader, string path, int workers, CancellationToken ct)
    {
        if (Console.IsOutputRedirected)
        {
            return await ranker.RankAsync(reader, path, workers, null, ct);
        }

        var size = Math.Max(1, new FileInfo(path).Length);
        return await AnsiConsole.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("Classifying cases", maxValue: size);
            var ranking = await ranker.RankAsync(reader, path, workers, bytes => task.Value = bytes, ct);
            task.Value = size;
            return ranking;
        });
    }

    private static void Print(BacklogRanking ranking)
    {
        string Money(long minor) => Billing.Money.Format(minor, ranking.Currency);
        var span = ranking.MonthsAssumed ? "taken as one month (no usable CreatedDate)" : $"{ranking.FirstCreated:yyyy-MM-dd} to {ranking.LastCreated:yyyy-MM-dd}, {ranking.Months:0.##} months";
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(Path.GetFileName(ranking.File))}: {ranking.Cases:N0} cases, {Markup.Escape(span)}")
            .AddColumn("Intent").AddColumn(new TableColumn("Cases").RightAligned()).AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn(new TableColumn("Cumulative").RightAligned()).AddColumn("Tier that could take it")
            .AddColumn(new TableColumn("Monthly now").RightAligned()).AddColumn(new TableColumn("Monthly with Leeway").RightAligned());
        foreach (var row in ranking.Rows)
        {
            table.AddRow(Markup.Escape(row.Intent), row.Cases.ToString("N0", CultureInfo.InvariantCulture), row.Share.ToString("P1", CultureInfo.InvariantCulture),
                row.CumulativeShare.ToString("P1", CultureInfo.InvariantCulture), Markup.Escape(row.TierLabel), Markup.Escape(Money(row.MonthlyCostNow)),
                Markup.Escape(Money(row.MonthlyCostWithLeeway)));
        }

        table.AddRow("[bold]Total[/]", ranking.Cases.ToString("N0", CultureInfo.InvariantCulture), "", "", "", $"[bold]{Markup.Escape(Money(ranking.MonthlyCostNow))}[/]",
            $"[bold]{Markup.Escape(Money(ranking.MonthlyCostWithLeeway))}[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Ranked in {ranking.ElapsedMilliseconds / 1000.0:0.0} s.");
        if (ranking.SkippedRows > 0)
        {
            AnsiConsole.MarkupLine(ranking.SkippedRows == 1 ? "[yellow]1 row could not be read and was skipped:[/]" : $"[yellow]{ranking.SkippedRows:N0} rows could not be read and were skipped:[/]");
            foreach (var problem in ranking.Problems)
            {
                AnsiConsole.MarkupLine($"  {Markup.Escape(problem.Problem)}");
            }

            if (ranking.SkippedRows > ranking.Problems.Count)
            {
                AnsiConsole.MarkupLine($"  … and {ranking.SkippedRows - ranking.Problems.Count:N0} more.");
            }
        }
    }
}
