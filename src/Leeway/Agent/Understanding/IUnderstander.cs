namespace Leeway.Agent.Understanding;

/// <summary>Turns a customer's message into an <see cref="Understanding"/>: a trained intent model plus certain rules.</summary>
public interface IUnderstander
{
    Understanding Understand(string text);
}
