namespace Leeway.StripeSandbox.Payments;

/// <summary>Stripe's published test card numbers and test payment-method tokens, with what charging them does.</summary>
internal static class TestCards
{
    public static CardBehaviour BehaviourOf(string number) => number switch
    {
        "4000000000000002" or "4000000000000341" => Decline("generic_decline"),
        "4000000000009995" => Decline("insufficient_funds"),
        "4000000000009987" => Decline("lost_card"),
        "4000000000009979" => Decline("stolen_card"),
        "4000000000000069" => Decline("expired_card"),
        "4000000000000127" => Decline("incorrect_cvc"),
        "4000000000000119" => Decline("processing_error"),
        "4242424242424241" => Decline("incorrect_number"),
        "4100000000000019" => Decline("fraudulent"),
        "4000002500003155" or "4000002760003184" or "4000003800000446" => CardBehaviour.RequiresAuthentication,
        _ => CardBehaviour.Succeed,
    };

    public static string BrandOf(string number) => number switch
    {
        ['4', ..] => "visa",
        ['5', ..] or ['2', ..] => "mastercard",
        ['3', '4', ..] or ['3', '7', ..] => "amex",
        ['6', ..] => "discover",
        _ => "unknown",
    };

    /// <summary>A test token such as <c>pm_card_visa</c> or <c>pm_card_visa_chargeDeclinedInsufficientFunds</c>: (brand, last4, behaviour).</summary>
    public static (string Brand, string Last4, CardBehaviour Behaviour)? Token(string token) => token switch
    {
        "pm_card_visa" => ("visa", "4242", CardBehaviour.Succeed),
        "pm_card_mastercard" => ("mastercard", "4444", CardBehaviour.Succeed),
        "pm_card_amex" => ("amex", "8431", CardBehaviour.Succeed),
        "pm_card_visa_chargeDeclined" => ("visa", "0341", Decline("generic_decline")),
        "pm_card_visa_chargeDeclinedInsufficientFunds" => ("visa", "9995", Decline("insufficient_funds")),
        "pm_card_visa_chargeDeclinedExpiredCard" or "pm_card_chargeDeclinedExpiredCard" => ("visa", "0069", Decline("expired_card")),
        "pm_card_chargeDeclinedStolenCard" => ("visa", "9979", Decline("stolen_card")),
        "pm_card_authenticationRequired" or "pm_card_threeDSecure2Required" => ("visa", "3155", CardBehaviour.RequiresAuthentication),
        _ => null,
    };

    private static CardBehaviour Decline(string code) => new("decline", code);
}
