using Leeway.Policy;

namespace Leeway.Humans;

/// <summary>Where a case came from (<see cref="Case.Source"/>, and the actor of its <c>opened</c> event): one spelling each,
/// here in Humans, so the capabilities that open cases and the ones that read them (Routing) name no page or handler.</summary>
internal static class CaseSources
{
    /// <summary>Lee handed the conversation to a person.</summary>
    public const string Agent = LeeNames.Source;

    /// <summary>Tier 0 met what it cannot fix (a dispute, risk, a link the gate refused).</summary>
    public const string Tier0 = "tier0";

    /// <summary>The Billing Health Meter: the customer asked for a person, or a fix a person could grant was refused.</summary>
    public const string Dashboard = "dashboard";

    /// <summary>A mail or another contact routed straight to a person.</summary>
    public const string Contact = "contact";
}
