using System.Text.Json.Serialization;

namespace Leeway.Routing;

/// <summary>The router's answer for one contact, recorded with it.</summary>
/// <param name="Tier">The tier that takes the contact (<see cref="Routing.Tier"/>).</param>
/// <param name="Rule">The name of the routing-table row that matched (see docs/operations.md).</param>
/// <param name="Reason">Why, in a sentence a person can read.</param>
/// <param name="Tier1First">Offer the self-serve fix (dashboard, link) first; Lee (Tier 2) takes over if it does not fix it.</param>
/// <param name="HumanReachable">A person can always be asked for; the router never returns false here.</param>
internal sealed record RoutingDecision(
    [property: JsonPropertyName("tier")] int Tier,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("tier1_first")] bool Tier1First,
    [property: JsonPropertyName("human_reachable")] bool HumanReachable);
