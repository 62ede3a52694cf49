namespace Leeway.Agent.Understanding;

/// <summary>Accuracy of an understander over labelled examples, with the confusions that cost the most.</summary>
internal sealed record IntentEvaluation(int Total, int Correct, IReadOnlyList<IntentEvaluation.Miss> Misses, double CalibrationError)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public static IntentEvaluation Run(IUnderstander understander, IEnumerable<IntentExample> examples)
    {
        var total = 0;
        var correct = 0;
        var misses = new List<Miss>();
        var bins = new (int Count, double Confidence, int Correct)[10];
        foreach (var example in examples)
        {
            total++;
            var understood = understander.Understand(example.Text);
            var right = example.Intents.Contains(understood.Intent);
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
        return new IntentEvaluation(total, correct, misses, calibrationError);
    }

    /// <summary>Expected → predicted pairs, most frequent first.</summary>
    public IEnumerable<(string Expected, string Predicted, int Count)> Confusions() =>
        Misses.GroupBy(m => (m.Expected, m.Predicted))
            .Select(g => (g.Key.Expected, g.Key.Predicted, g.Count()))
            .OrderByDescending(c => c.Item3)
            .ThenBy(c => c.Expected, StringComparer.Ordinal)
            .ThenBy(c => c.Predicted, StringComparer.Ordinal);

    public sealed record Miss(string Expected, string Predicted, double Confidence, string Text);
}
