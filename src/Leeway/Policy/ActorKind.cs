namespace Leeway.Policy;

/// <summary>Who acts through the gate, as a closed set (<see cref="Actor.Kind"/>); a person's staff id is <see cref="Actor.StaffId"/>.</summary>
internal enum ActorKind
{
    /// <summary>Agent Lee (Tier 2).</summary>
    Lee,

    /// <summary>Tier 0's handlers and jobs.</summary>
    Tier0,

    /// <summary>The customer, through a one-click fix on their page.</summary>
    Customer,

    /// <summary>A staff member (Tier 3).</summary>
    Human,
}
