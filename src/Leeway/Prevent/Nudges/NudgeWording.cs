using Leeway.Diagnostics;
using Leeway.Diagnostics.Explanations;
using Leeway.Prevent.Handlers;

namespace Leeway.Prevent.Nudges;

/// <summary>
/// The words of a nudge: a subject per root cause, the diagnosis's own explanation (the text Lee and the dashboard
/// show), and one line that is the way out: the fix link, or that a person will follow up. Never a dead end.
/// </summary>
internal static class NudgeWording
{
    public static (string Subject, string Body) Write(Cause cause, string? customerName, string? link, bool toHuman)
    {
        var findings = cause.Finding is { } finding && finding.RootCause == cause.Reason ? new[] { finding } : [];
        var explanation = ExplanationWriter.Write(cause.Reason, findings);
        var greeting = string.IsNullOrWhiteSpace(customerName) ? "Hello," : $"Hi {customerName.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0]},";
        var way = (link, toHuman) switch
        {
            ({ } url, _) => $"{LinkLabel(cause.Reason)}: {url}",
            (null, true) => "A member of our billing team will contact you about this within one business day. You can also reply to this message.",
            _ => "",
        };
        var body = string.Join("\n\n", new[] { greeting, explanation, way, "Leeway Billing" }.Where(p => p.Length > 0)) + "\n";
        return (Subject(cause.Reason), body);
    }

    private static string Subject(RootCause reason) => reason switch
    {
        RootCause.PaymentFailedInsufficientFunds => "Your payment didn't go through",
        RootCause.PaymentFailedCardExpired => "Your card has expired",
        RootCause.PaymentFailedIncorrectDetails => "Your card details need a fix",
        RootCause.PaymentFailedAuthenticationRequired => "Your bank needs you to confirm a payment",
        RootCause.PaymentFailedCardDeclined => "Your bank declined a payment",
        RootCause.PaymentBlockedRisk => "We're reviewing a payment on your account",
        RootCause.PaymentLinkExpired => "Your payment link expired: here is a new one",
        RootCause.InvoicePastDue => "An invoice is past due",
        RootCause.CardExpiringSoon => "Your card expires before your next renewal",
        RootCause.RefundInProgress => "Your refund is on its way",
        RootCause.PaymentDue => "A payment is waiting for you",
        RootCause.DisputeOpen => "About your disputed payment",
        RootCause.DuplicateCharge or RootCause.SourceUnavailable or RootCause.EntitlementMismatch or RootCause.UsageSpike
            or RootCause.None => "About your billing",
    };

    private static string LinkLabel(RootCause reason) => reason.Traits().RecommendedAction switch
    {
        RecommendedAction.UpdateCard or RecommendedAction.ContactBank => "Update your card here",
        RecommendedAction.AuthenticatePayment => "Confirm the payment here",
        RecommendedAction.RegenerateLink => "Pay with your new link",
        RecommendedAction.RetryPayment => "Pay the invoice here",
        RecommendedAction.PayWithLink => "Pay here",
        RecommendedAction.RefundDuplicate or RecommendedAction.ContactHuman or RecommendedAction.ExplainUsage
            or RecommendedAction.ExplainRefund or RecommendedAction.None => "Details",
    };
}
