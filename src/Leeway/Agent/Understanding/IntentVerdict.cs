namespace Leeway.Agent.Understanding;

/// <summary>
/// The intent part of an <see cref="Understanding"/>: the intent with its confidence and the runner-up, without the
/// entities and signals (what bulk classification needs).
/// </summary>
internal readonly record struct IntentVerdict(string Intent, double Confidence, string? SecondIntent, double SecondConfidence);
