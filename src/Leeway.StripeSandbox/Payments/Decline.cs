namespace Leeway.StripeSandbox.Payments;

/// <summary>A card error as Stripe reports it: the error <c>code</c>, the issuer's <c>decline_code</c>, and the message.</summary>
internal sealed record Decline(string Code, string DeclineCode, string Message)
{
    /// <summary>Error codes Stripe reports as themselves; every other decline code comes as <c>card_declined</c>.</summary>
    private static readonly HashSet<string> OwnCodes =
        ["expired_card", "incorrect_cvc", "incorrect_number", "incorrect_zip", "processing_error", "authentication_required"];

    public static Decline For(string declineCode)
    {
        var decline = declineCode == "card_declined" ? "generic_decline" : declineCode;
        var code = OwnCodes.Contains(decline) ? decline : "card_declined";
        return new Decline(code, decline, MessageFor(decline));
    }

    public static string MessageFor(string declineCode) => declineCode switch
    {
        "insufficient_funds" => "Your card has insufficient funds.",
        "expired_card" => "Your card has expired.",
        "incorrect_cvc" => "Your card's security code is incorrect.",
        "incorrect_number" => "Your card number is incorrect.",
        "incorrect_zip" => "Your card's postal code is incorrect.",
        "processing_error" => "An error occurred while processing your card. Try again in a little bit.",
        "authentication_required" => "Your card was declined. This transaction requires authentication.",
        "lost_card" or "stolen_card" or "pickup_card" or "fraudulent" => "Your card was declined.",
        "card_velocity_exceeded" => "Your card has exceeded its velocity limit.",
        "withdrawal_count_limit_exceeded" => "Your card has exceeded its withdrawal limit.",
        _ => "Your card was declined.",
    };

    /// <summary>The failed charge's <c>outcome</c>, as Stripe fills it for an issuer decline.</summary>
    public System.Text.Json.Nodes.JsonObject Outcome() => new()
    {
        ["advice_code"] = DeclineCode is "insufficient_funds" or "processing_error" or "try_again_later" ? "try_again_later" : "do_not_try_again",
        ["network_advice_code"] = null,
        ["network_decline_code"] = null,
        ["network_status"] = "declined_by_network",
        ["reason"] = DeclineCode,
        ["risk_level"] = "normal",
        ["risk_score"] = 20,
        ["seller_message"] = $"The bank returned the decline code `{DeclineCode}`.",
        ["type"] = "issuer_declined",
    };
}
