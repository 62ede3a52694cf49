namespace Leeway.Billing;

/// <summary>
/// What a Stripe decline code means for us: the root cause it maps to, whether an automated retry may help,
/// and whether it is a hard decline (risk: never retried, never self-serve).
/// </summary>
public sealed record DeclineInfo(string Code, string RootCause, bool Retryable, bool Hard);
