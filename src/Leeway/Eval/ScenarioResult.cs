namespace Leeway.Eval;

/// <summary>One run of one scenario: its verdict, the failed checks, and what the aggregates need.</summary>
internal sealed record ScenarioRunResult(
    Scenario Scenario,
    IReadOnlyList<string> Failures,
    string? Outcome,
    int? TurnsToOutcome,
    int Turns,
    IReadOnlyList<double> LatenciesMs,
    int PolicyViolations,
    bool DeadEnd)
{
    /// <summary>The run as it read (turns, replies, actions and the gate's decisions, links, nudges, cases).</summary>
    public EvalTranscript Transcript { get; init; } = EvalTranscript.Empty;

    public bool Passed => Failures.Count == 0;
}

/// <summary>All runs of one scenario (<c>--repeat K</c>): it passes only if every run passed (τ-bench's pass^k).</summary>
internal sealed record ScenarioResult(Scenario Scenario, IReadOnlyList<ScenarioRunResult> Runs)
{
    public bool Passed => Runs.All(r => r.Passed);

    public IReadOnlyList<string> Failures => Runs.FirstOrDefault(r => !r.Passed)?.Failures ?? [];

    public string Line => Passed ? $"PASS {Scenario.Id}" : $"FAIL {Scenario.Id}: {string.Join("; ", Failures)}";
}
