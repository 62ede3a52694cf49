using Leeway.Billing;
using Leeway.Storage;

namespace Leeway.Diagnostics;

/// <summary>What a root cause means: the meter's status, the recommended action and whether the customer may fix it.</summary>
internal sealed record RootCauseTraits(RootCause Code, string Status, RecommendedAction RecommendedAction, bool SelfServeEligible);

/// <summary>The one table of <see cref="RootCauseTraits"/>, and the questions every capability asks of a root cause.</summary>
internal static class RootCauses
{
    /// <summary>Every root cause with its traits, in precedence order (highest first).</summary>
    public static readonly IReadOnlyList<RootCauseTraits> All = Enum.GetValues<RootCause>().Select(Describe).ToList();

    /// <summary>Every root cause's wire spelling, in precedence order.</summary>
    public static IReadOnlyList<string> WireNames => WireName.All<RootCause>();

    public static RootCauseTraits Traits(this RootCause cause) => All[(int)cause];

    /// <summary>Lower ranks win. All <c>payment_failed_*</c> causes share one tier in the format; their order here breaks ties.</summary>
    public static int Rank(this RootCause cause) => (int)cause;

    public static bool IsPaymentFailure(this RootCause cause) => cause is RootCause.PaymentFailedInsufficientFunds
        or RootCause.PaymentFailedCardExpired or RootCause.PaymentFailedIncorrectDetails
        or RootCause.PaymentFailedAuthenticationRequired or RootCause.PaymentFailedCardDeclined;

    /// <summary>
    /// A cause said only about what no other finding names: money due is the fallback for a debt that a decline, an
    /// expired link, an overdue invoice or risk does not already explain, so each debt is said once.
    /// </summary>
    public static bool IsFallback(this RootCause cause) => cause is RootCause.PaymentDue;

    /// <summary>The root cause a Stripe decline stands for.</summary>
    public static RootCause Of(DeclineKind decline) => decline switch
    {
        DeclineKind.InsufficientFunds => RootCause.PaymentFailedInsufficientFunds,
        DeclineKind.CardExpired => RootCause.PaymentFailedCardExpired,
        DeclineKind.IncorrectDetails => RootCause.PaymentFailedIncorrectDetails,
        DeclineKind.AuthenticationRequired => RootCause.PaymentFailedAuthenticationRequired,
        DeclineKind.CardDeclined => RootCause.PaymentFailedCardDeclined,
        DeclineKind.BlockedRisk => RootCause.PaymentBlockedRisk,
    };

    /// <summary>The wire spelling as a root cause; a clear error naming the value and the choices otherwise.</summary>
    public static RootCause Parse(string wire) => WireName.Parse<RootCause>(wire);

    private static RootCauseTraits Describe(RootCause cause) => cause switch
    {
        RootCause.DisputeOpen => new(cause, "red", RecommendedAction.ContactHuman, false),
        RootCause.PaymentBlockedRisk => new(cause, "red", RecommendedAction.ContactHuman, false),
        RootCause.PaymentFailedInsufficientFunds => new(cause, "red", RecommendedAction.RetryPayment, true),
        RootCause.PaymentFailedCardExpired => new(cause, "red", RecommendedAction.UpdateCard, true),
        RootCause.PaymentFailedIncorrectDetails => new(cause, "red", RecommendedAction.UpdateCard, true),
        RootCause.PaymentFailedAuthenticationRequired => new(cause, "red", RecommendedAction.AuthenticatePayment, true),
        RootCause.PaymentFailedCardDeclined => new(cause, "red", RecommendedAction.ContactBank, true),
        RootCause.PaymentLinkExpired => new(cause, "amber", RecommendedAction.RegenerateLink, true),
        RootCause.InvoicePastDue => new(cause, "red", RecommendedAction.RetryPayment, true),
        RootCause.DuplicateCharge => new(cause, "amber", RecommendedAction.RefundDuplicate, true),
        RootCause.SourceUnavailable => new(cause, "amber", RecommendedAction.ContactHuman, false),
        RootCause.EntitlementMismatch => new(cause, "red", RecommendedAction.ContactHuman, false),
        RootCause.UsageSpike => new(cause, "amber", RecommendedAction.ExplainUsage, false),
        RootCause.CardExpiringSoon => new(cause, "amber", RecommendedAction.UpdateCard, true),
        RootCause.RefundInProgress => new(cause, "green", RecommendedAction.ExplainRefund, false),
        RootCause.PaymentDue => new(cause, "amber", RecommendedAction.PayWithLink, true),
        RootCause.None => new(cause, "green", RecommendedAction.None, false),
    };
}
