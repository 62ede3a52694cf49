namespace Leeway.Agent.Understanding;

/// <summary>Turns a customer's message into an <see cref="Understanding"/>: a trained intent model plus certain rules.</summary>
internal interface IUnderstander
{
    Understanding Understand(string text);

    /// <summary>
    /// As <see cref="Understand(string)"/>, and also resolves dates that need a reference day ("November 8",
    /// "yesterday") against <paramref name="today"/> (the caller's <see cref="TimeProvider"/> date; nothing here reads a clock).
    /// </summary>
    Understanding Understand(string text, DateOnly today) => Understand(text);
}
