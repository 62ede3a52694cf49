using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Storage;

namespace Leeway.SelfHeal;

/// <summary>
/// What the meter says, in a customer's words and language (<see cref="MeterSays"/>): the status, each root cause's title
/// and explanation, and what a click did. Never a Stripe id, a decline code or a policy rule's name.
/// </summary>
internal static class MeterText
{
    public static string StatusTitle(string status, MeterSays says) =>
        says.Text(status is "green" or "amber" or "red" ? $"Status.{status}" : "Status.amber");

    /// <summary>The meter's position for assistive technology (role="meter"): 3 is healthy.</summary>
    public static int StatusValue(string status) => status switch
    {
        "green" => 3,
        "amber" => 2,
        _ => 1,
    };

    /// <summary>The title when nothing is wrong but an invoice still has money remaining.</summary>
    public static string OwedTitle(MeterSays says) => says.Text("Cause.invoice_open");

    public static string CauseTitle(RootCause rootCause, MeterSays says) =>
        says.Has($"Cause.{WireName.Of(rootCause)}") ? says.Text($"Cause.{WireName.Of(rootCause)}") : says.Text("Cause.other");

    /// <summary>One or two sentences on what happened, without ids or codes (the diagnosis's own explanation is for staff).</summary>
    public static string CauseExplanation(RootCause rootCause, MeterSays says) =>
        says.Has($"Explain.{WireName.Of(rootCause)}") ? says.Text($"Explain.{WireName.Of(rootCause)}") : says.Text("Explain.other");

    public static string Recommendation(RecommendedAction recommendedAction, MeterSays says) =>
        says.Text($"Recommend.{WireName.Of(recommendedAction)}");

    /// <summary>What a one-click fix did, confirmed from Stripe's state as the gate re-read it.</summary>
    public static Notice Outcome(string fixKind, GateOutcome outcome, MeterSays says)
    {
        if (!outcome.Allowed)
        {
            return outcome.HumanCanGrant
                ? new Notice("warning", says.Text("Notice.RefusedToPerson"))
                : new Notice("error", says.Text("Notice.Refused"));
        }

        if (!outcome.Succeeded)
        {
            return FixKinds.Parse(fixKind) == FixKind.RetryPayment
                ? new Notice("error", says.Text("Notice.RetryFailed"))
                : new Notice("error", says.Text("Notice.Failed"));
        }

        var amount = outcome.Result?.Amount is { } minor ? says.Amount(minor, outcome.Result.Currency) : null;
        return FixKinds.Parse(fixKind) switch
        {
            FixKind.RetryPayment => new Notice("success", amount is null ? says.Text("Notice.PaidNoAmount") : says.Text("Notice.Paid", amount)),
            FixKind.RefundDuplicate => new Notice("success", amount is null ? says.Text("Notice.RefundedNoAmount") : says.Text("Notice.Refunded", amount)),
            // A link the gate made: Stripe's page is where the customer goes next (an unknown spelling was never a fix).
            FixKind.CardUpdateLink or FixKind.AuthenticatePayment or FixKind.RegenerateLink or null => new Notice("success", says.Text("Notice.LinkReady")),
        };
    }
}

/// <summary>A message shown once at the top of the page after a click. Kind: success, warning, error or info.</summary>
internal sealed record Notice(string Kind, string Text, string? Link = null);
