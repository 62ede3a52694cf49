using Leeway.Policy;
using Leeway.Policy.Actions;

namespace Leeway.Routing;

/// <summary>How a recovered payment is credited, from the gate's action that brought it about.</summary>
internal static class RecoveryVia
{
    /// <summary>The customer on the dashboard → <c>dashboard</c>, Lee → <c>agent</c>, a retry by Tier 0 or a person →
    /// <c>retry</c>, a link Tier 0 sent → <c>nudge</c>, a link a person made → <c>link</c>.</summary>
    public static string Of(GateActionRecord acted) => acted.ActorKind switch
    {
        ActorKind.Customer => "dashboard",
        ActorKind.Lee => LeeNames.Source,
        ActorKind.Tier0 or ActorKind.Human when acted.Type == ActionType.RetryPayment => "retry",
        ActorKind.Tier0 => "nudge",
        ActorKind.Human => "link",
    };
}
