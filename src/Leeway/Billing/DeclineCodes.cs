using System.Collections.Frozen;

namespace Leeway.Billing;

/// <summary>
/// Every decline code in Stripe's published list (docs.stripe.com/declines/codes, card decline codes), mapped to the
/// kind of decline (Diagnostics turns it into a root cause), plus the PaymentIntent error codes that stand in for a decline code (<c>card_declined</c>,
/// <c>payment_intent_authentication_failure</c>) and the Radar outcomes Stripe reports the same way.
/// The gate uses <see cref="Classify"/> to refuse retries of hard declines.
/// </summary>
/// <remarks>
/// Retryable means an automated retry later, on the same card and without the customer doing anything, may succeed
/// (balance topped up, issuer back online, limits reset, a soft decline that often clears). Codes that need the
/// customer (new details, authentication, a call to the bank before anything changes) are not retryable.
/// Hard declines (the card is reported lost or stolen, fraud, a block list, the cardholder revoked or stopped the
/// payment) are <c>payment_blocked_risk</c>: card networks forbid re-attempting them and only a human may act.
/// </remarks>
internal static class DeclineCodes
{
    private const DeclineKind InsufficientFunds = DeclineKind.InsufficientFunds;
    private const DeclineKind CardExpired = DeclineKind.CardExpired;
    private const DeclineKind IncorrectDetails = DeclineKind.IncorrectDetails;
    private const DeclineKind AuthenticationRequired = DeclineKind.AuthenticationRequired;
    private const DeclineKind CardDeclined = DeclineKind.CardDeclined;
    private const DeclineKind BlockedRisk = DeclineKind.BlockedRisk;

    /// <summary>The table: code → (kind, retryable, hard).</summary>
    private static readonly FrozenDictionary<string, DeclineInfo> Table = new DeclineInfo[]
    {
        // Money or limits: a later attempt may find the balance or the limit restored.
        Soft("insufficient_funds", InsufficientFunds),
        Soft("card_velocity_exceeded", CardDeclined),
        Soft("withdrawal_count_limit_exceeded", CardDeclined),

        // The issuer or the network failed; the next attempt usually goes through.
        Soft("processing_error", CardDeclined),
        Soft("issuer_not_available", CardDeclined),
        Soft("reenter_transaction", CardDeclined),
        Soft("try_again_later", CardDeclined),
        Soft("approve_with_id", CardDeclined),

        // Generic soft declines: no reason given; retries recover a share of them, the customer can also call the bank.
        Soft("generic_decline", CardDeclined),
        Soft("do_not_honor", CardDeclined),
        Soft("no_action_taken", CardDeclined),
        Soft("card_declined", CardDeclined),

        // Declined until the customer or the bank changes something: retrying the same card cannot help.
        NeedsCustomer("call_issuer", CardDeclined),
        NeedsCustomer("do_not_try_again", CardDeclined),
        NeedsCustomer("not_permitted", CardDeclined),
        NeedsCustomer("service_not_allowed", CardDeclined),
        NeedsCustomer("transaction_not_allowed", CardDeclined),
        NeedsCustomer("card_not_supported", CardDeclined),
        NeedsCustomer("currency_not_supported", CardDeclined),
        NeedsCustomer("invalid_amount", CardDeclined),
        NeedsCustomer("duplicate_transaction", CardDeclined),
        NeedsCustomer("testmode_decline", CardDeclined),
        NeedsCustomer("pin_try_exceeded", CardDeclined),
        NeedsCustomer("offline_pin_required", CardDeclined),
        NeedsCustomer("online_or_offline_pin_required", CardDeclined),

        // The card on file is dead or its details are wrong: the customer must put in a working card.
        NeedsCustomer("expired_card", CardExpired),
        NeedsCustomer("incorrect_cvc", IncorrectDetails),
        NeedsCustomer("invalid_cvc", IncorrectDetails),
        NeedsCustomer("incorrect_number", IncorrectDetails),
        NeedsCustomer("invalid_number", IncorrectDetails),
        NeedsCustomer("incorrect_zip", IncorrectDetails),
        NeedsCustomer("incorrect_address", IncorrectDetails),
        NeedsCustomer("invalid_expiry_month", IncorrectDetails),
        NeedsCustomer("invalid_expiry_year", IncorrectDetails),
        NeedsCustomer("incorrect_pin", IncorrectDetails),
        NeedsCustomer("invalid_pin", IncorrectDetails),
        NeedsCustomer("invalid_account", IncorrectDetails),
        NeedsCustomer("new_account_information_available", IncorrectDetails),

        // The bank wants the cardholder to authenticate (3-D Secure / SCA): an off-session retry is declined again.
        NeedsCustomer("authentication_required", AuthenticationRequired),
        NeedsCustomer("authentication_not_handled", AuthenticationRequired),
        NeedsCustomer("mobile_device_authentication_required", AuthenticationRequired),
        NeedsCustomer("payment_intent_authentication_failure", AuthenticationRequired),

        // Hard declines: never retried, never self-serve, a human decides.
        HardDecline("fraudulent"),
        HardDecline("stolen_card"),
        HardDecline("lost_card"),
        HardDecline("pickup_card"),
        HardDecline("restricted_card"),
        HardDecline("merchant_blacklist"),
        HardDecline("security_violation"),
        HardDecline("revocation_of_authorization"),
        HardDecline("revocation_of_all_authorizations"),
        HardDecline("stop_payment_order"),
        HardDecline("highest_risk_level"),
        HardDecline("previously_declined_do_not_retry"),
    }.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>Every code this table knows, in no particular order.</summary>
    public static IReadOnlyCollection<string> Known => Table.Keys;

    /// <summary>Classifies a decline code (or a PaymentIntent error code such as <c>authentication_required</c>).
    /// An unknown code, or none at all, is treated as a generic, non-retryable decline: fail closed.
    /// (An invoice that was never declined has no code to classify; ask the diagnosis, not this table.)</summary>
    public static DeclineInfo Classify(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return new DeclineInfo("generic_decline", CardDeclined, Retryable: false, Hard: false);
        }

        var normalized = code.Trim().ToLowerInvariant();
        return Table.TryGetValue(normalized, out var info)
            ? info
            : new DeclineInfo(normalized, CardDeclined, Retryable: false, Hard: false);
    }

    private static DeclineInfo Soft(string code, DeclineKind kind) => new(code, kind, Retryable: true, Hard: false);

    private static DeclineInfo NeedsCustomer(string code, DeclineKind kind) => new(code, kind, Retryable: false, Hard: false);

    private static DeclineInfo HardDecline(string code) => new(code, BlockedRisk, Retryable: false, Hard: true);
}
