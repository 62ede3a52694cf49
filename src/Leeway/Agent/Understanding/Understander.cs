namespace Leeway.Agent.Understanding;

/// <summary>
/// The built-in understanding: the trained intent model, overridden where a rule is certain (an explicit ask
/// for a person → talk_to_human; a chargeback or bank dispute → dispute; an empty message → other), plus the
/// entities and signals the rules find. One model per process (<see cref="IntentModel"/> is shared and thread-safe).
/// </summary>
internal sealed class Understander(IntentModel model) : IUnderstander
{
    public Understanding Understand(string text) => Understand(text, null);

    public Understanding Understand(string text, DateOnly today) => Understand(text, (DateOnly?)today);

    private Understanding Understand(string text, DateOnly? today)
    {
        text ??= "";
        var signals = SignalDetector.Detect(text);
        var entities = EntityExtractor.Extract(text, today);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Understanding(Intent.Other, 1.0, null, 0, entities, signals);
        }

        var scores = model.Score(text);
        var ruled = signals.AsksForHuman ? Intent.TalkToHuman
            : DisputeRule.Matches(TextFolding.Fold(text)) ? Intent.Dispute
            : null;
        if (ruled is not null)
        {
            var runnerUp = scores.First(s => s.Intent != ruled);
            return new Understanding(ruled, 1.0, runnerUp.Intent, Round(runnerUp.Probability), entities, signals);
        }

        return new Understanding(scores[0].Intent, Round(scores[0].Probability), scores[1].Intent, Round(scores[1].Probability), entities, signals);
    }

    private static double Round(double probability) => Math.Round(Math.Clamp(probability, 0, 1), 4);
}
