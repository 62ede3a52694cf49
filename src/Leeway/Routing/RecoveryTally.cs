namespace Leeway.Routing;

/// <summary>Payments recovered on one UTC day, per currency and what recovered them. Amount in minor units.</summary>
internal sealed record RecoveryTally(DateOnly Day, string Currency, string Via, long Payments, long Amount);
