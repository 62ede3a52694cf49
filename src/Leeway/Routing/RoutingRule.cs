namespace Leeway.Routing;

/// <summary>One row of the routing table: when it applies, the tier it sends to, and why.</summary>
internal sealed record RoutingRule(string Name, string When, Func<ContactFacts, bool> Matches, int Tier, bool Tier1First, string Reason);
