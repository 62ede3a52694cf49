namespace Leeway.StripeSandbox.Payments;

/// <summary>A card as the customer types it on a hosted page (any part absent: a plausible test card).</summary>
internal sealed record CardDetails(string? Id, string? Brand, string? Last4, long? ExpMonth, long? ExpYear, CardBehaviour? OnCharge);
