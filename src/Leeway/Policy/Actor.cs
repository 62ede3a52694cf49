namespace Leeway.Policy;

/// <summary>Who acts: <c>agent-lee</c>, <c>tier0</c>, <c>customer</c> (a one-click fix) or <c>human:&lt;id&gt;</c>.
/// A human carries their staff role (<see cref="Identity.StaffRoles"/>), which sets how far their approval reaches;
/// the role is not part of <see cref="Name"/>, which is what the audit log records as the actor.</summary>
internal sealed record Actor(string Name, string? Role = null)
{
    public static readonly Actor AgentLee = new(LeeNames.Actor);
    public static readonly Actor Tier0 = new("tier0");
    public static readonly Actor Customer = new("customer");

    /// <param name="role">The member's role; without one, an approval reaches only as far as an agent's.</param>
    public static Actor Human(string staffId, string? role = null) => new($"human:{staffId}", role);

    public bool IsHuman => Name.StartsWith(HumanPrefix, StringComparison.Ordinal);

    public ActorKind Kind => KindOf(Name);

    /// <summary>The staff member's id when a person acts, else null.</summary>
    public string? StaffId => IsHuman ? Name[HumanPrefix.Length..] : null;

    /// <summary>The kind of the actor the audit log and the gate's record name (<c>agent-lee</c>, <c>tier0</c>, <c>customer</c>, <c>human:…</c>).</summary>
    public static ActorKind KindOf(string name) => name switch
    {
        LeeNames.Actor => ActorKind.Lee,
        "tier0" => ActorKind.Tier0,
        "customer" => ActorKind.Customer,
        _ when name.StartsWith(HumanPrefix, StringComparison.Ordinal) => ActorKind.Human,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an actor the gate knows"),
    };

    private const string HumanPrefix = "human:";

    public override string ToString() => Name;
}
