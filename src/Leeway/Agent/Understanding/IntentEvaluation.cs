namespace Leeway.Agent.Understanding;

/// <summary>Accuracy of an understander over labelled examples, with the confusions that cost the most.</summary>
internal sealed record IntentEvaluation(int Total, int Correct, IReadOnlyList<IntentEvaluation.Miss> Misses, double CalibrationError,
    IReadOnlyList<IntentEvaluation.Result> Results)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>Mean over intents of each intent's recall: a rare intent counts as much as a common one.</summary>
    public double MacroAccuracy
    {
        get
        {
            var perIntent = Results.GroupBy(r => r.Expected).Select(g => (double)g.Count(r => r.Right) / g.Count()).ToList();
            return perIntent.Count == 0 ? 0 : perIntent.Average();
        }
    }

    /// <summary>Share of the examples labelled <paramref name="intent"/> (first label) that came out right.</summary>
    public double RecallOf(string intent)
    {
        var of = Results.Where(r => r.Expected == intent).ToList();
        return of.Count == 0 ? 0 : (double)of.Count(r => r.Right) / of.Count;
    }

    /// <summary>Accuracy per language the examples are written in (as <see cref="LanguageGuesser"/> reads them).</summary>
    public IEnumerable<(string Language, double Accuracy, int Total)> ByLanguage() =>
        LanguageGuesser.Supported
            .Select(language => (language, of: Results.Where(r => r.Language == language).ToList()))
            .Where(l => l.of.Count > 0)
            .Select(l => (l.language, (double)l.of.Count(r => r.Right) / l.of.Count, l.of.Count));

    public static IntentEvaluation Run(IUnderstander understander, IEnumerable<IntentExample> examples)
    {
        var total = 0;
        var correct = 0;
        var misses = new List<Miss>();
        var results = new List<Result>();
        var bins = new (int Count, double Confidence, int Correct)[10];
        foreach (var example in examples)
        {
            total++;
            var understood = understander.Understand(example.Text);
            var right = example.Intents.Contains(understood.Intent);
            results.Add(new Result(example.Intent, understood.Intent, understood.Confidence, right, understood.Signals.Language));
            var bin = Math.Min(9, (int)(understood.Confidence * 10));
            bins[bin] = (bins[bin].Count + 1, bins[bin].Confidence + understood.Confidence, bins[bin].Correct + (right ? 1 : 0));
            if (right)
            {
                correct++;
            }
            else
            {
                misses.Add(new Miss(example.Intent, understood.Intent, understood.Confidence, example.Text));
            }
        }

        // Expected calibration error: how far stated confidence is from accuracy, over ten confidence bins.
        var calibrationError = total == 0 ? 0 : bins.Where(b => b.Count > 0).Sum(b => Math.Abs(b.Confidence - b.Correct) / total);
        return new IntentEvaluation(total, correct, misses, calibrationError, results);
    }

    /// <summary>Expected → predicted pairs, most frequent first.</summary>
    public IEnumerable<(string Expected, string Predicted, int Count)> Confusions() =>
        Misses.GroupBy(m => (m.Expected, m.Predicted))
            .Select(g => (g.Key.Expected, g.Key.Predicted, g.Count()))
            .OrderByDescending(c => c.Item3)
            .ThenBy(c => c.Expected, StringComparer.Ordinal)
            .ThenBy(c => c.Predicted, StringComparer.Ordinal);

    internal sealed record Miss(string Expected, string Predicted, double Confidence, string Text);

    internal sealed record Result(string Expected, string Predicted, double Confidence, bool Right, string Language);
}
