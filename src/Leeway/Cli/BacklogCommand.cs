using System.CommandLine;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Leeway.Agent.Understanding;
using Leeway.Observability.Backlog;
using Leeway.Observability.Cost;
using Leeway.Routing;
using Spectre.Console;

namespace Leeway.Cli;

internal static class BacklogCommand
{
    public static Command Create() => new("backlog", """
        Phase 1: rank a case backlog (a Salesforce case export) by intent, tier and cost; or write a synthetic one.

        Example: ./leeway backlog generate --cases 9000 --out cases.csv && ./leeway backlog rank cases.csv
        """) { Rank(), Generate() };

    private static Command Rank()
    {
        var file = new Argument<string>("file") { Description = "A Salesforce case export (CSV with Subject and/or Description; CaseNumber and CreatedDate used when present)" };
        var format = new Option<string>("--format") { Description = "How to print the ranking: table (for people), csv, json or markdown", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(Enum.GetNames<BacklogFormat>().Select(n => n.ToLowerInvariant()).ToArray());
        var chart = new Option<string?>("--chart") { Description = "Where to write the chart: .html (chart and table) or .svg; default FILE.pareto.html" };
        var json = new Option<string?>("--json") { Description = "Also write the ranking as JSON to this file" };
        var workers = new Option<int>("--workers") { Description = "Cases classified in parallel (default: the number of cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("rank", """
            Classify every case with Lee's classifier and print a Pareto table of the billing intents: cases, share,
            cumulative share, how sure the classifier was, the tier that could take them, and the monthly cost now
            (people handle all) and with Leeway.

            Cases read as not about billing (intent other) are counted apart, with the classifier's confidence, and left
            out of the costs. Unit costs come from configuration Cost:* (minor units); monthly figures divide by the months
            the CreatedDate span covers. The table never breaks a word, on any screen or piped to a file; --format
            csv|json|markdown prints the same ranking for other programs. Progress and notes go to standard error. A row
            that cannot be read is reported by its line number and the rest is still ranked.

            Example: ./leeway backlog generate --cases 9000 --out cases.csv && ./leeway backlog rank cases.csv --format markdown
            """)
        {
            file,
            format,
            chart,
            json,
            workers,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = CommandInputs.InputFile(parse.GetValue(file)!, "FILE");
            if (parse.GetValue(workers) < 1)
            {
                throw new BadInputException($"--workers {parse.GetValue(workers)}: must be at least 1, e.g. --workers {Environment.ProcessorCount}.");
            }

            var chartPath = CommandInputs.OutputFile(parse.GetValue(chart) ?? Path.ChangeExtension(path, null) + ".pareto.html", "--chart");
            var jsonPath = parse.GetValue(json) is { } j ? CommandInputs.OutputFile(j, "--json") : null;

            // Unit costs from the same configuration the product reads (appsettings.json, environment Cost__Human=...).
            var configuration = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
                .AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables().Build();
            var costs = configuration.GetSection(CostOptions.Section).Get<CostOptions>() ?? new CostOptions();
            try
            {
                Validator.ValidateObject(costs, new ValidationContext(costs), validateAllProperties: true);
            }
            catch (ValidationException e)
            {
                throw new BadInputException($"configuration {CostOptions.Section}: {e.Message} (fix the setting, e.g. Cost__Human=800, or unset it to use the default).");
            }

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
                throw new BadInputException(e.Message);
            }

            // Only a screen has a width; a file or a pipe gets whole lines, however long.
            var width = Console.IsOutputRedirected ? (int?)null : Math.Max(20, Console.WindowWidth - 1);
            Console.Out.Write(BacklogRankOutput.Render(ranking, Enum.Parse<BacklogFormat>(parse.GetValue(format)!, ignoreCase: true), width));
            await Console.Out.FlushAsync(ct);

            await File.WriteAllTextAsync(chartPath, chartPath.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? BacklogChart.Svg(ranking) : BacklogChart.Html(ranking), ct);
            await Console.Error.WriteLineAsync($"Ranked {ranking.Cases:N0} cases in {ranking.ElapsedMilliseconds / 1000.0:0.0} s. Chart: {chartPath}");
            if (jsonPath is not null)
            {
                await File.WriteAllTextAsync(jsonPath, BacklogRankOutput.Render(ranking, BacklogFormat.Json, null), ct);
                await Console.Error.WriteLineAsync($"JSON: {jsonPath}");
            }

            await ReportSkippedAsync(ranking);
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
            Write a realistic synthetic Salesforce case export for tests and demos; the same seed writes the same file.

            Made-up customers at example.com, Salesforce column names, a long-tailed intent mix, multi-line quoted
            descriptions.

            Example: ./leeway backlog generate --cases 9000 --out cases.csv --seed 7
            """)
        {
            cases,
            output,
            seed,
            days,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(cases) < 0)
            {
                throw new BadInputException($"--cases {parse.GetValue(cases)}: must be 0 or more, e.g. --cases 9000.");
            }

            if (parse.GetValue(days) < 1)
            {
                throw new BadInputException($"--days {parse.GetValue(days)}: must be at least 1, e.g. --days 90.");
            }

            CommandInputs.OutputFile(parse.GetValue(output)!, "--out");
            using (var stream = new FileStream(parse.GetValue(output)!, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                SyntheticBacklog.Write(stream, parse.GetValue(cases), parse.GetValue(seed), parse.GetValue(days));
            }

            Console.WriteLine($"Wrote {parse.GetValue(cases).ToString("N0", CultureInfo.InvariantCulture)} cases to {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }

    /// <summary>A progress bar by bytes read, on standard error and only on a terminal: files and pipes stay clean.</summary>
    private static async Task<BacklogRanking> RankWithProgressAsync(BacklogRanker ranker, CaseCsvReader reader, string path, int workers, CancellationToken ct)
    {
        if (Console.IsErrorRedirected)
        {
            return await ranker.RankAsync(reader, path, workers, null, ct);
        }

        var size = Math.Max(1, new FileInfo(path).Length);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress().AutoClear(true).StartAsync(async context =>
        {
            var task = context.AddTask("Classifying cases", maxValue: size);
            var ranking = await ranker.RankAsync(reader, path, workers, bytes => task.Value = bytes, ct);
            task.Value = size;
            return ranking;
        });
    }

    private static async Task ReportSkippedAsync(BacklogRanking ranking)
    {
        if (ranking.SkippedRows == 0)
        {
            return;
        }

        await Console.Error.WriteLineAsync(ranking.SkippedRows == 1 ? "1 row could not be read and was skipped:" : $"{ranking.SkippedRows:N0} rows could not be read and were skipped:");
        foreach (var problem in ranking.Problems)
        {
            await Console.Error.WriteLineAsync($"  {problem.Problem}");
        }

        if (ranking.SkippedRows > ranking.Problems.Count)
        {
            await Console.Error.WriteLineAsync($"  … and {ranking.SkippedRows - ranking.Problems.Count:N0} more.");
        }
    }
}
