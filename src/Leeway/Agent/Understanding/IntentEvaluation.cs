namespace Leeway.Agent.Understanding;

/// <summary>Accuracy of an understander over labelled examples, with the confusions that cost the most.</summary>
internal sealed record IntentEvaluation(int Total, int Correct, IReadOnlyList<IntentEvaluation.Miss> Misses)
{
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    public static IntentEvaluation Run(IUnderstander understander, IEnumerable<IntentExample> examples)
    {
        var total = 0;
        var correct = 0;
        var misses = new List<Miss>();
        foreach (var example in examples)
        {
            total++;
            var understood = understander.Understand(example.Text);
            if (example.Intents.Contains(understood.Intent))
            {
                correct++;
            }
            else
            {
                misses.Add(new Miss(example.Intent, understood.Intent, understood.Confidence, example.Text));
            }
        }

        return new IntentEvaluation(total, correct, misses);
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
