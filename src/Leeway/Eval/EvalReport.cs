using System.Text.Json.Serialization;

namespace Leeway.Eval;

/// <summary>The <c>--json</c> report: per-scenario results and every aggregate the scenario format lists.</summary>
internal sealed record EvalReport(
    [property: JsonPropertyName("scenarios")] IReadOnlyList<EvalReportScenario> Scenarios,
    [property: JsonPropertyName("aggregates")] EvalAggregates Aggregates)
{
    public static EvalReport From(IReadOnlyList<ScenarioResult> results, int repeat)
    {
        var runs = results.SelectMany(r => r.Runs).ToList();
        var latencies = runs.SelectMany(r => r.LatenciesMs).Order().ToList();
        var expectResolved = runs.Where(r => r.Scenario.Expect.Outcome == Agent.ConversationState.Resolved).ToList();
        var expectEscalated = runs.Where(r => r.Scenario.Expect.Outcome == Agent.ConversationState.Escalated).ToList();
        var withConversation = runs.Where(r => r.Turns > 0).ToList();
        var turnsToOutcome = withConversation.Select(r => (double)(r.TurnsToOutcome ?? r.Turns)).Order().ToList();
        var aggregates = new EvalAggregates(
            Scenarios: results.Count,
            Passed: results.Count(r => r.Passed),
            Failed: results.Count(r => !r.Passed),
            Repeat: repeat,
            PassHatK: Ratio(results.Count(r => r.Passed), results.Count),
            PassAt1: Ratio(runs.Count(r => r.Passed), runs.Count),
            AutomatedResolutionRate: Ratio(expectResolved.Count(r => r.Outcome == Agent.ConversationState.Resolved), expectResolved.Count),
            CorrectEscalationRate: Ratio(expectEscalated.Count(r => r.Outcome == Agent.ConversationState.Escalated), expectEscalated.Count),
            PolicyViolations: runs.Sum(r => r.PolicyViolations),
            DeadEnds: runs.Count(r => r.DeadEnd),
            MeanTurns: withConversation.Count == 0 ? 0 : Math.Round(withConversation.Average(r => (double)(r.TurnsToOutcome ?? r.Turns)), 3),
            MedianTurnsToOutcome: Percentile(turnsToOutcome, 0.5),
            ReplyLatencyMs: new LatencySummary(Percentile(latencies, 0.5), Percentile(latencies, 0.99), latencies.Count));
        var scenarios = results.Select(r => new EvalReportScenario(
            r.Scenario.Id,
            r.Scenario.File,
            r.Passed,
            r.Runs.Select(run => new EvalReportRun(run.Passed, run.Failures, run.Outcome, run.TurnsToOutcome, run.LatenciesMs.Select(l => Math.Round(l, 2)).ToList(), run.Transcript)).ToList())).ToList();
        return new EvalReport(scenarios, aggregates);
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 1.0 : Math.Round((double)part / whole, 4);

    /// <summary>Nearest-rank percentile of a sorted list.</summary>
    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 2);
}

internal sealed record EvalReportScenario(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("runs")] IReadOnlyList<EvalReportRun> Runs);

internal sealed record EvalReportRun(
    [property: JsonPropertyName("passed")] bool Passed,
    [property: JsonPropertyName("failures")] IReadOnlyList<string> Failures,
    [property: JsonPropertyName("outcome")] string? Outcome,
    [property: JsonPropertyName("turns_to_outcome")] int? TurnsToOutcome,
    [property: JsonPropertyName("reply_latencies_ms")] IReadOnlyList<double> ReplyLatenciesMs,
    [property: JsonPropertyName("transcript")] EvalTranscript Transcript);

internal sealed record EvalAggregates(
    [property: JsonPropertyName("scenarios")] int Scenarios,
    [property: JsonPropertyName("passed")] int Passed,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("repeat")] int Repeat,
    [property: JsonPropertyName("pass_hat_k")] double PassHatK,
    [property: JsonPropertyName("pass_at_1")] double PassAt1,
    [property: JsonPropertyName("automated_resolution_rate")] double AutomatedResolutionRate,
    [property: JsonPropertyName("correct_escalation_rate")] double CorrectEscalationRate,
    [property: JsonPropertyName("policy_violations")] int PolicyViolations,
    [property: JsonPropertyName("dead_ends")] int DeadEnds,
    [property: JsonPropertyName("mean_turns")] double MeanTurns,
    [property: JsonPropertyName("median_turns_to_outcome")] double MedianTurnsToOutcome,
    [property: JsonPropertyName("reply_latency_ms")] LatencySummary ReplyLatencyMs);

internal sealed record LatencySummary(
    [property: JsonPropertyName("p50")] double P50,
    [property: JsonPropertyName("p99")] double P99,
    [property: JsonPropertyName("count")] int Count);
