namespace Leeway.Policy;

/// <summary>Who acts: <c>agent-lee</c>, <c>tier0</c>, <c>customer</c> (a one-click fix) or <c>human:&lt;id&gt;</c>.
/// A human carries their staff role (<see cref="Identity.StaffRoles"/>), which sets how far their approval reaches;
/// the role is not part of <see cref="Name"/>, which is what the audit log records as the actor.</summary>
public sealed record Actor(string Name, string? Role = null)
{
    public static readonly Actor AgentLee = new(LeeNames.Actor);
    public static readonly Actor Tier0 = new("tier0");
    public static readonly Actor Customer = new("customer");

    /// <param name="role">The member's role; without one, an approval reaches only as far as an agent's.</param>
    public static Actor Human(string staffId, string? role = null) => new($"human:{staffId}", role);

    public bool IsHuman => Name.StartsWith("human:", StringComparison.Ordinal);

    public override string ToString() => Name;
}
