using Leeway.Billing;
using Leeway.Diagnostics;

namespace Leeway.Tests.Diagnostics;

public sealed class DeclineCodesTests
{
    private const DeclineKind Funds = DeclineKind.InsufficientFunds;
    private const DeclineKind Expired = DeclineKind.CardExpired;
    private const DeclineKind Details = DeclineKind.IncorrectDetails;
    private const DeclineKind Auth = DeclineKind.AuthenticationRequired;
    private const DeclineKind Declined = DeclineKind.CardDeclined;
    private const DeclineKind Blocked = DeclineKind.BlockedRisk;

    /// <summary>Stripe's published card decline codes (docs.stripe.com/declines/codes), each with what we decided it means.</summary>
    public static TheoryData<string, DeclineKind, bool, bool> StripePublishedCodes => new()
    {
        // code, kind, retryable, hard
        { "authentication_required", Auth, false, false },
        { "authentication_not_handled", Auth, false, false },
        { "approve_with_id", Declined, true, false },
        { "call_issuer", Declined, false, false },
        { "card_not_supported", Declined, false, false },
        { "card_velocity_exceeded", Declined, true, false },
        { "currency_not_supported", Declined, false, false },
        { "do_not_honor", Declined, true, false },
        { "do_not_try_again", Declined, false, false },
        { "duplicate_transaction", Declined, false, false },
        { "expired_card", Expired, false, false },
        { "fraudulent", Blocked, false, true },
        { "generic_decline", Declined, true, false },
        { "incorrect_address", Details, false, false },
        { "incorrect_cvc", Details, false, false },
        { "incorrect_number", Details, false, false },
        { "incorrect_pin", Details, false, false },
        { "incorrect_zip", Details, false, false },
        { "insufficient_funds", Funds, true, false },
        { "invalid_account", Details, false, false },
        { "invalid_amount", Declined, false, false },
        { "invalid_cvc", Details, false, false },
        { "invalid_expiry_month", Details, false, false },
        { "invalid_expiry_year", Details, false, false },
        { "invalid_number", Details, false, false },
        { "invalid_pin", Details, false, false },
        { "issuer_not_available", Declined, true, false },
        { "lost_card", Blocked, false, true },
        { "merchant_blacklist", Blocked, false, true },
        { "new_account_information_available", Details, false, false },
        { "no_action_taken", Declined, true, false },
        { "not_permitted", Declined, false, false },
        { "offline_pin_required", Declined, false, false },
        { "online_or_offline_pin_required", Declined, false, false },
        { "pickup_card", Blocked, false, true },
        { "pin_try_exceeded", Declined, false, false },
        { "processing_error", Declined, true, false },
        { "reenter_transaction", Declined, true, false },
        { "restricted_card", Blocked, false, true },
        { "revocation_of_all_authorizations", Blocked, false, true },
        { "revocation_of_authorization", Blocked, false, true },
        { "security_violation", Blocked, false, true },
        { "service_not_allowed", Declined, false, false },
        { "stolen_card", Blocked, false, true },
        { "stop_payment_order", Blocked, false, true },
        { "testmode_decline", Declined, false, false },
        { "transaction_not_allowed", Declined, false, false },
        { "try_again_later", Declined, true, false },
        { "withdrawal_count_limit_exceeded", Declined, true, false },
        { "mobile_device_authentication_required", Auth, false, false },
    };

    [Theory]
    [MemberData(nameof(StripePublishedCodes))]
    public void Every_published_decline_code_is_classified_as_decided(string code, DeclineKind kind, bool retryable, bool hard)
    {
        var info = DeclineCodes.Classify(code);

        Assert.Equal(new DeclineInfo(code, kind, retryable, hard), info);
    }

    [Fact]
    public void The_table_knows_every_published_code()
    {
        var published = StripePublishedCodes.Select(row => (string)row[0]).ToHashSet();

        Assert.Equal(50, published.Count);
        Assert.Empty(published.Except(DeclineCodes.Known));
    }

    [Theory]
    [InlineData("card_declined", Declined, true)]
    [InlineData("payment_intent_authentication_failure", Auth, false)]
    [InlineData("highest_risk_level", Blocked, false)]
    [InlineData("previously_declined_do_not_retry", Blocked, false)]
    public void Error_codes_that_stand_in_for_a_decline_code_are_classified(string code, DeclineKind kind, bool retryable)
    {
        var info = DeclineCodes.Classify(code);

        Assert.Equal(kind, info.Kind);
        Assert.Equal(retryable, info.Retryable);
    }

    [Fact]
    public void Hard_declines_are_never_retryable_and_always_blocked_for_risk()
    {
        foreach (var info in DeclineCodes.Known.Select(DeclineCodes.Classify))
        {
            Assert.Equal(info.Hard, info.Kind == Blocked);
            Assert.False(info.Hard && info.Retryable, $"{info.Code} is hard yet retryable");
        }
    }

    [Fact]
    public void Declines_that_need_the_customer_are_not_retryable()
    {
        foreach (var info in DeclineCodes.Known.Select(DeclineCodes.Classify))
        {
            if (info.Kind is Expired or Details or Auth)
            {
                Assert.False(info.Retryable, $"{info.Code} needs the customer, yet is retryable");
            }
        }
    }

    [Fact]
    public void Every_root_cause_in_the_table_is_a_payment_root_cause_of_the_format()
    {
        foreach (var info in DeclineCodes.Known.Select(DeclineCodes.Classify))
        {
            var cause = RootCauses.Of(info.Kind);
            Assert.True(cause.IsPaymentFailure() || cause == RootCause.PaymentBlockedRisk, info.Code);
            Assert.Equal(info.Kind == Blocked, cause == RootCause.PaymentBlockedRisk);
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a_code_stripe_adds_next_year")]
    public void Unknown_or_missing_codes_fail_closed(string? code)
    {
        var info = DeclineCodes.Classify(code);

        Assert.Equal(Declined, info.Kind);
        Assert.False(info.Retryable);
        Assert.False(info.Hard);
    }

    [Fact]
    public void Codes_are_matched_whatever_their_case_and_spacing()
    {
        Assert.Equal(DeclineCodes.Classify("stolen_card"), DeclineCodes.Classify(" Stolen_Card "));
    }
}
