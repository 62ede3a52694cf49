namespace Leeway.Agent.Understanding;

/// <summary>One utterance understood: the intent with its confidence, the runner-up, and the entities found.</summary>
internal sealed record Understanding(
    string Intent,
    double Confidence,
    string? SecondIntent,
    double SecondConfidence,
    Entities Entities,
    Signals Signals);

/// <summary>Entities in the text. Amounts in minor units.</summary>
internal sealed record Entities(
    IReadOnlyList<MoneyMention> Amounts,
    IReadOnlyList<string> ObjectIds,
    IReadOnlyList<string> Emails,
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<string> CardLast4);

internal sealed record MoneyMention(long Amount, string? Currency);

/// <summary>Signals that rules detect with certainty or near it.</summary>
internal sealed record Signals(
    bool AsksForHuman,
    bool StrongFrustration,
    bool ClaimsAuthority,
    bool Affirmation,
    bool Negation,
    string Language);
