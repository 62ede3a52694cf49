namespace Leeway.Routing;

/// <summary>Decides which tier takes an incoming contact, by the one routing table (<see cref="RoutingTable"/>).</summary>
internal interface IContactRouter
{
    RoutingDecision Route(ContactFacts facts);
}
