namespace Leeway.Diagnostics.Sources;

/// <summary>What the subscription/entitlement source of truth says: a feature, whether it is on, and what grants it
/// (a subscription id, or another source's name such as <c>subscription</c>, <c>manual</c>, <c>promotion</c>).</summary>
internal sealed record EntitlementRecord(string Feature, bool Active, string Source);
