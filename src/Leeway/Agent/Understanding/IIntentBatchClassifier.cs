namespace Leeway.Agent.Understanding;

/// <summary>
/// Classifies many texts at once, each getting exactly the intent and confidences
/// <see cref="IUnderstander.Understand(string)"/> would give it. For bulk work such as ranking a case backlog;
/// the chat understands one message at a time.
/// </summary>
internal interface IIntentBatchClassifier
{
    /// <returns>One verdict per text, in the order given. Safe to call from many threads at once.</returns>
    IntentVerdict[] ClassifyIntents(IReadOnlyList<string> texts);
}
