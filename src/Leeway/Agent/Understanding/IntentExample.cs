namespace Leeway.Agent.Understanding;

/// <summary>One labelled utterance. In the challenge set a line may accept more than one intent ("a|b").</summary>
internal sealed record IntentExample(IReadOnlyList<string> Intents, string Text)
{
    public string Intent => Intents[0];
}
