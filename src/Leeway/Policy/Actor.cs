namespace Leeway.Policy;

/// <summary>Who acts: <c>agent-lee</c>, <c>tier0</c>, <c>customer</c> (a one-click fix) or <c>human:&lt;id&gt;</c>.</summary>
public sealed record Actor(string Name)
{
    public static readonly Actor AgentLee = new("agent-lee");
    public static readonly Actor Tier0 = new("tier0");
    public static readonly Actor Customer = new("customer");

    public static Actor Human(string staffId) => new($"human:{staffId}");

    public bool IsHuman => Name.StartsWith("human:", StringComparison.Ordinal);

    public override string ToString() => Name;
}
