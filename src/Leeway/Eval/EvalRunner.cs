using System.Text.Json;
using Leeway.StripeSandbox;
using Spectre.Console;

namespace Leeway.Eval;

/// <summary><c>leeway eval</c>: validates every file first (exit 2 on the first invalid one), then runs each scenario
/// K times in fresh worlds, N at a time, and prints one line per scenario and the closing tally.</summary>
internal static class EvalRunner
{
    /// <param name="postgres">A PostgreSQL server (admin connection string): every world gets a fresh database on it, dropped
    /// afterwards; null runs each world on its own SQLite file.</param>
    /// <param name="stripeTrace">A folder to write every world's Stripe traffic to (<c>requests.jsonl</c>, <c>webhooks.jsonl</c>:
    /// the inputs of <c>../shared/stripe/stripe_spec_check.py</c>); null: not written.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> paths, int parallel, int repeat, string? jsonFile, TextWriter output, TextWriter errors, CancellationToken ct, bool transcripts = false, string? postgres = null, string? stripeTrace = null)
    {
        IReadOnlyList<Scenario> scenarios;
        try
        {
            scenarios = ScenarioLoader.Expand(paths).Select(ScenarioLoader.Load).ToList();
        }
        catch (ScenarioFormatException e)
        {
            await errors.WriteLineAsync($"invalid scenario: {e.Message}");
            return 2;
        }

        if (scenarios.Count == 0)
        {
            await errors.WriteLineAsync($"no scenario files (*.json) under {string.Join(", ", paths)}");
            return 2;
        }

        var duplicate = scenarios.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            await errors.WriteLineAsync($"invalid scenario: {duplicate.Last().File}: $.id: '{duplicate.Key}' is also the id of {duplicate.First().File}");
            return 2;
        }

        if (postgres is not null && await WorldDatabase.ProblemWithAsync(postgres, ct) is { } problem)
        {
            await errors.WriteLineAsync(problem);
            return 2;
        }

        var jobs = scenarios.SelectMany((s, i) => Enumerable.Range(0, repeat).Select(_ => (Index: i, Scenario: s))).ToList();
        var runs = new ScenarioRunResult[scenarios.Count][];
        for (var i = 0; i < scenarios.Count; i++)
        {
            runs[i] = new ScenarioRunResult[repeat];
        }

        await WarmUpAsync(scenarios, postgres, ct);
        using var trace = stripeTrace is null ? null : new SandboxTrace(stripeTrace);
        var slots = new int[scenarios.Count];
        async Task RunAll(Action advance)
        {
            await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallel), CancellationToken = ct }, async (job, token) =>
            {
                var result = await RunOnceAsync(job.Scenario, postgres, token, trace);
                runs[job.Index][Interlocked.Increment(ref slots[job.Index]) - 1] = result;
                advance();
            });
        }

        if (!Console.IsErrorRedirected && errors == Console.Error)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            await console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"{scenarios.Count} scenarios × {repeat}", maxValue: jobs.Count);
                    await RunAll(() => task.Increment(1));
                });
        }
        else
        {
            await RunAll(() => { });
        }

        var results = scenarios.Select((s, i) => new ScenarioResult(s, runs[i])).ToList();
        foreach (var result in results)
        {
            await output.WriteLineAsync(result.Line);
            if (transcripts)
            {
                await output.WriteAsync(TranscriptView.Render(result));
            }
        }

        var report = EvalReport.From(results, repeat);
        if (jsonFile is not null)
        {
            await File.WriteAllTextAsync(jsonFile, JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }), ct);
        }

        await output.WriteLineAsync($"{report.Aggregates.Passed} passed, {report.Aggregates.Failed} failed");
        return 0;
    }

    /// <summary>
    /// Runs one scenario with a conversation once, untimed and unscored, so JIT compilation and model loading (once per
    /// process, as a server does before taking traffic) are not counted as a customer's reply latency.
    /// </summary>
    private static async Task WarmUpAsync(IReadOnlyList<Scenario> scenarios, string? postgres, CancellationToken ct)
    {
        if (scenarios.FirstOrDefault(s => s.Conversation.Count > 0) is { } first)
        {
            await RunOnceAsync(first, postgres, ct);
        }
    }

    private static async Task<ScenarioRunResult> RunOnceAsync(Scenario scenario, string? postgres, CancellationToken ct, SandboxTrace? trace = null)
    {
        try
        {
            var seen = await ScenarioRunner.RunAsync(scenario, ct, postgres, trace);
            var failures = ScenarioChecks.Failures(scenario, seen);
            var outcome = scenario.Expect.Outcome is { } expected && seen.TurnReaching(expected) is not null ? expected : seen.FinalState;
            return new ScenarioRunResult(
                scenario,
                failures,
                outcome,
                outcome is null ? null : seen.TurnReaching(outcome),
                seen.Replies.Count,
                seen.ReplyLatenciesMs,
                ScenarioChecks.PolicyViolations(scenario, seen).Count(),
                ScenarioChecks.IsDeadEnd(seen))
            {
                Transcript = seen.Transcript,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new ScenarioRunResult(scenario, [$"error: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"], null, null, 0, [], 0, scenario.Conversation.Count > 0);
        }
    }
}
