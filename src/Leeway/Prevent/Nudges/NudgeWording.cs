using Leeway.Agent.Replies;
using Leeway.Diagnostics;
using Leeway.Prevent.Handlers;

namespace Leeway.Prevent.Nudges;

/// <summary>
/// The words of a nudge, in the customer's language (<see cref="NudgeSays"/>): a subject per root cause, the diagnosis
/// retold for the customer (<see cref="LeeExplains"/>, the text Lee would say: amounts and dates in the customer's
/// culture, cards by brand and last four, decline codes as what went wrong, no Stripe id), the invoice by the number
/// Stripe prints on it, and one line that is the way out: the fix link, or that a person will follow up. Never a dead end.
/// </summary>
internal static class NudgeWording
{
    /// <param name="signOff">Who the nudge is from (the sender's display name); null: the language's "your billing team".</param>
    public static (string Subject, string Body) Write(NudgeSays says, Cause cause, string? customerName, string? link, bool toHuman, string? signOff = null)
    {
        var findings = cause.Finding is { } finding && finding.RootCause == cause.Reason ? new[] { finding } : [];
        var explanation = says.Lee.Scrub(LeeExplains.Write(says.Lee, cause.Reason, findings));
        var greeting = string.IsNullOrWhiteSpace(customerName)
            ? says.Text("Greeting")
            : says.Text("Greeting.Named", customerName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]);
        var invoice = findings.Select(f => f.Facts.GetValueOrDefault(FactKeys.InvoiceNumber)).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) is { } number
            ? says.Text("Invoice", number)
            : "";
        var way = (link, toHuman) switch
        {
            ({ } url, _) => $"{says.Text(LinkLabel(cause.Reason))}: {url}",
            (null, true) => says.Text("Human"),
            _ => "",
        };
        var from = string.IsNullOrWhiteSpace(signOff) ? says.Text("SignOff") : signOff.Trim();
        var body = string.Join("\n\n", new[] { greeting, explanation, invoice, way, from }.Where(p => p.Length > 0)) + "\n";
        return (says.Text(SubjectKey(cause.Reason, link)), body);
    }

    /// <summary>The resource key of the subject: one per root cause a nudge is sent for.</summary>
    internal static string SubjectKey(RootCause reason, string? link) => reason switch
    {
        RootCause.PaymentLinkExpired when link is null => "Subject.PaymentLinkExpired.NoLink",
        RootCause.PaymentFailedInsufficientFunds or RootCause.PaymentFailedCardExpired or RootCause.PaymentFailedIncorrectDetails
            or RootCause.PaymentFailedAuthenticationRequired or RootCause.PaymentFailedCardDeclined or RootCause.PaymentBlockedRisk
            or RootCause.PaymentLinkExpired or RootCause.InvoicePastDue or RootCause.CardExpiringSoon or RootCause.RefundInProgress
            or RootCause.PaymentDue or RootCause.DisputeOpen => $"Subject.{reason}",
        RootCause.DuplicateCharge or RootCause.SourceUnavailable or RootCause.EntitlementMismatch or RootCause.UsageSpike
            or RootCause.None => "Subject.Other",
    };

    private static string LinkLabel(RootCause reason) => reason.Traits().RecommendedAction switch
    {
        RecommendedAction.UpdateCard or RecommendedAction.ContactBank => "Link.UpdateCard",
        RecommendedAction.AuthenticatePayment => "Link.Authenticate",
        RecommendedAction.RegenerateLink => "Link.NewLink",
        RecommendedAction.RetryPayment => "Link.PayInvoice",
        RecommendedAction.PayWithLink => "Link.Pay",
        RecommendedAction.RefundDuplicate or RecommendedAction.ContactHuman or RecommendedAction.ExplainUsage
            or RecommendedAction.ExplainRefund or RecommendedAction.None => "Link.Details",
    };
}
