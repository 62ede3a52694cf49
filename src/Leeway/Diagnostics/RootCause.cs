using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Leeway.Storage;

namespace Leeway.Diagnostics;

/// <summary>
/// The root causes of the scenario format (<c>root_cause</c>), one closed set the compiler checks in every switch.
/// Declared in precedence order: the first that holds is the root cause (<see cref="RootCauses.Rank"/>). What each one
/// means for status, action and self-service is <see cref="RootCauseTraits"/>.
/// </summary>
[JsonConverter(typeof(WireNameConverter<RootCause>))]
[SuppressMessage("Maintainability", "CA1515", Justification = "Public for Leeway.Tests: an xUnit theory takes it as a parameter, and xUnit runs public methods only.")]
public enum RootCause
{
    DisputeOpen,
    PaymentBlockedRisk,
    PaymentFailedInsufficientFunds,
    PaymentFailedCardExpired,
    PaymentFailedIncorrectDetails,
    PaymentFailedAuthenticationRequired,
    PaymentFailedCardDeclined,
    PaymentLinkExpired,
    InvoicePastDue,
    DuplicateCharge,
    SourceUnavailable,
    EntitlementMismatch,
    UsageSpike,
    CardExpiringSoon,
    RefundInProgress,

    /// <summary>Beyond the format's codes: money owed that nothing failed to collect (an open invoice, a link handed). Last
    /// before <see cref="None"/>, so a format code is used wherever one applies.</summary>
    PaymentDue,
    None,
}
