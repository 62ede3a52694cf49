using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Policy;

namespace Leeway.SelfHeal;

/// <summary>What the meter says, in a customer's words: the status, each root cause's title, and what a click did.</summary>
public static class MeterText
{
    public static string StatusTitle(string status) => status switch
    {
        "green" => "All good",
        "amber" => "Needs attention",
        "red" => "Action needed",
        _ => "Unknown",
    };

    /// <summary>The meter's position for assistive technology (role="meter"): 3 is healthy.</summary>
    public static int StatusValue(string status) => status switch
    {
        "green" => 3,
        "amber" => 2,
        _ => 1,
    };

    public static string CauseTitle(RootCause rootCause) => rootCause switch
    {
        RootCause.DisputeOpen => "A payment is disputed with your bank",
        RootCause.PaymentBlockedRisk => "Payments are paused for a security review",
        RootCause.PaymentFailedInsufficientFunds => "A payment failed: not enough funds",
        RootCause.PaymentFailedCardExpired => "A payment failed: your card has expired",
        RootCause.PaymentFailedIncorrectDetails => "A payment failed: the card details were not accepted",
        RootCause.PaymentFailedAuthenticationRequired => "A payment needs your bank's confirmation",
        RootCause.PaymentFailedCardDeclined => "A payment was declined by your bank",
        RootCause.PaymentLinkExpired => "Your payment link has expired",
        RootCause.InvoicePastDue => "An invoice is past due",
        RootCause.DuplicateCharge => "You were charged twice",
        RootCause.SourceUnavailable => "We could not check everything just now",
        RootCause.EntitlementMismatch => "Your plan and your access do not match",
        RootCause.UsageSpike => "Your usage is much higher than usual",
        RootCause.CardExpiringSoon => "Your card expires soon",
        RootCause.RefundInProgress => "A refund is on its way",
        RootCause.None => "Your billing is in order",
    };

    public static string Recommendation(RecommendedAction recommendedAction) => recommendedAction switch
    {
        RecommendedAction.RetryPayment => "Retry the payment now.",
        RecommendedAction.UpdateCard => "Put a new card on file.",
        RecommendedAction.ContactBank => "Ask your bank to approve the payment, or use a different card.",
        RecommendedAction.AuthenticatePayment => "Confirm the payment with your bank.",
        RecommendedAction.RegenerateLink => "Pay with a fresh link.",
        RecommendedAction.RefundDuplicate => "Get the duplicate charge refunded.",
        RecommendedAction.ContactHuman => "A person on our billing team needs to look at this.",
        RecommendedAction.ExplainUsage => "Nothing to fix: this is what you used. Ask Lee or a person if it looks wrong.",
        RecommendedAction.ExplainRefund => "Nothing to do: the refund reaches your card within 5 to 10 business days.",
        RecommendedAction.None => "Nothing to do.",
    };

    /// <summary>What a one-click fix did, confirmed from Stripe's state as the gate re-read it.</summary>
    public static Notice Outcome(string fixKind, GateOutcome outcome)
    {
        if (!outcome.Allowed)
        {
            return outcome.HumanCanGrant
                ? new Notice("warning", $"We can't do this one automatically: {outcome.Message} We've passed it to a person on our billing team, who can.")
                : new Notice("error", $"This can't be done: {outcome.Message}");
        }

        if (!outcome.Succeeded)
        {
            var why = outcome.Result?.Error is { Length: > 0 } error ? $" ({error})" : "";
            return fixKind == OneClickFix.Retry
                ? new Notice("error", $"The payment did not go through{why}. Try a different card, or ask your bank to approve it.")
                : new Notice("error", $"That did not work{why}. Please try again, or talk to a person.");
        }

        var amount = outcome.Result?.Amount is { } minor ? Money.Format(minor, outcome.Result.Currency) : null;
        return fixKind switch
        {
            OneClickFix.Retry => new Notice("success", amount is null ? "Payment received. Thank you!" : $"Payment of {amount} received. Thank you!"),
            OneClickFix.RefundDuplicate => new Notice("success", amount is null
                ? "The duplicate charge is refunded. It reaches your card within 5 to 10 business days."
                : $"{amount} is refunded. It reaches your card within 5 to 10 business days."),
            _ => new Notice("success", "Your secure link is ready."),
        };
    }
}

/// <summary>A message shown once at the top of the page after a click. Kind: success, warning, error or info.</summary>
public sealed record Notice(string Kind, string Text, string? Link = null);
