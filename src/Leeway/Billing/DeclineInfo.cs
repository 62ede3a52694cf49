using System.Diagnostics.CodeAnalysis;

namespace Leeway.Billing;

/// <summary>
/// What a Stripe decline code means for us: the kind of decline (Diagnostics maps it to a root cause), whether an
/// automated retry may help, and whether it is a hard decline (risk: never retried, never self-serve).
/// </summary>
internal sealed record DeclineInfo(string Code, DeclineKind Kind, bool Retryable, bool Hard);

/// <summary>The kinds of decline Stripe's codes fall into, as far as what the customer or we can do about them.</summary>
[SuppressMessage("Maintainability", "CA1515", Justification = "Public for Leeway.Tests: an xUnit theory takes it as a parameter, and xUnit runs public methods only.")]
public enum DeclineKind
{
    InsufficientFunds,
    CardExpired,
    IncorrectDetails,
    AuthenticationRequired,
    CardDeclined,
    BlockedRisk,
}
