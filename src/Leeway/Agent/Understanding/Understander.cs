namespace Leeway.Agent.Understanding;

/// <summary>
/// The built-in understanding: the trained intent model, overridden where a rule is certain (an explicit ask
/// for a person → talk_to_human; a chargeback or bank dispute → dispute; an empty message → other), plus the
/// entities and signals the rules find. One model per process (<see cref="IntentModel"/> is shared and thread-safe).
/// A message is understood by <paramref name="model"/> (in the product, n-grams plus the sentence encoder); bulk
/// classification (<see cref="ClassifyIntents"/>, a backlog of a million cases) by <paramref name="bulkModel"/>
/// when given (in the product, the n-gram model alone: the encoder costs milliseconds a text).
/// </summary>
internal sealed class Understander(IntentModel model, IntentModel? bulkModel = null) : IUnderstander, IIntentBatchClassifier
{
    private static readonly IntentVerdict Empty = new(Intent.Other, 1.0, null, 0);

    public Understanding Understand(string text) => Understand(text, null);

    public Understanding Understand(string text, DateOnly today) => Understand(text, (DateOnly?)today);

    /// <summary>
    /// The verdicts <see cref="Understand(string)"/> gives, for many texts: the same rules on each text, the model
    /// scoring the batch in one pass (<see cref="IntentModel.ScoreBatch"/>); no entities or other signals. With a
    /// bulk model, the verdicts an understander over that model alone would give.
    /// </summary>
    public IntentVerdict[] ClassifyIntents(IReadOnlyList<string> texts)
    {
        var verdicts = new IntentVerdict[texts.Count];
        var toScore = new List<string>(texts.Count);
        var scoredAt = new List<int>(texts.Count);
        var ruled = new string?[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var text = texts[i] ?? "";
            if (string.IsNullOrWhiteSpace(text))
            {
                verdicts[i] = Empty;
                continue;
            }

            // As SignalDetector.Detect decides AsksForHuman, without the signals the intent does not depend on.
            var folded = TextFolding.Fold(text);
            ruled[i] = Ruled(SignalDetector.AsksForHuman(folded), folded);
            toScore.Add(text);
            scoredAt.Add(i);
        }

        var scores = (bulkModel ?? model).ScoreBatch(toScore);
        for (var j = 0; j < scores.Length; j++)
        {
            var i = scoredAt[j];
            verdicts[i] = Decide(ruled[i], scores[j]);
        }

        return verdicts;
    }

    private Understanding Understand(string text, DateOnly? today)
    {
        text ??= "";
        var signals = SignalDetector.Detect(text);
        var entities = EntityExtractor.Extract(text, today);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Understanding(Empty.Intent, Empty.Confidence, Empty.SecondIntent, Empty.SecondConfidence, entities, signals);
        }

        var verdict = Decide(Ruled(signals.AsksForHuman, TextFolding.Fold(text)), model.Score(text));
        return new Understanding(verdict.Intent, verdict.Confidence, verdict.SecondIntent, verdict.SecondConfidence, entities, signals);
    }

    /// <summary>The intent a certain rule gives, or null when the model decides.</summary>
    private static string? Ruled(bool asksForHuman, string folded) =>
        asksForHuman ? Intent.TalkToHuman
        : DisputeRule.Matches(folded) ? Intent.Dispute
        : null;

    private static IntentVerdict Decide(string? ruled, IReadOnlyList<IntentScore> scores)
    {
        if (ruled is not null)
        {
            var runnerUp = scores.First(s => s.Intent != ruled);
            return new IntentVerdict(ruled, 1.0, runnerUp.Intent, Round(runnerUp.Probability));
        }

        return new IntentVerdict(scores[0].Intent, Round(scores[0].Probability), scores[1].Intent, Round(scores[1].Probability));
    }

    private static double Round(double probability) => Math.Round(Math.Clamp(probability, 0, 1), 4);
}
