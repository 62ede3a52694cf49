namespace Leeway.Routing;

/// <summary>The cost gradient every contact is pushed down: the lower the tier, the cheaper the contact.</summary>
internal static class Tier
{
    /// <summary>Tier 0: the contact never happens (a nudge, a retry, a link sent before the customer asks).</summary>
    public const int Prevent = 0;

    /// <summary>Tier 1: the customer fixes it themselves on the dashboard (the Billing Health Meter).</summary>
    public const int SelfHeal = 1;

    /// <summary>Tier 2: Agent Lee answers or acts within policy.</summary>
    public const int Agent = 2;

    /// <summary>Tier 3: a person, with the full context.</summary>
    public const int Human = 3;

    public static IReadOnlyList<int> All { get; } = [Prevent, SelfHeal, Agent, Human];

    /// <summary>The short name used on the wire, in metrics labels and in configuration.</summary>
    public static string Name(int tier) => tier switch
    {
        Prevent => "prevent",
        SelfHeal => "self_heal",
        Agent => "ai",
        Human => "human",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "A tier is 0 to 3."),
    };

    /// <summary>How people read it in tables and charts.</summary>
    public static string Label(int tier) => tier switch
    {
        Prevent => "Tier 0 · prevent",
        SelfHeal => "Tier 1 · self-heal",
        Agent => "Tier 2 · AI (Lee)",
        Human => "Tier 3 · human",
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "A tier is 0 to 3."),
    };
}
