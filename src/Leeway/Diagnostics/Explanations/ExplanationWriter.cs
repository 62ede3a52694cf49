using Leeway.Billing;
using Leeway.Diagnostics.Sources;

namespace Leeway.Diagnostics.Explanations;

/// <summary>
/// The explanation a customer reads: one template per root cause, filled from the deciding finding's facts, always
/// ending with the exact next step. Only the customer's own objects reach it; no internal rule or policy names.
/// </summary>
internal static class ExplanationWriter
{
    private static string Template(RootCause cause, Facts f) => cause switch
    {
        RootCause.None =>
            "Everything looks fine with your billing: there are no failed or overdue payments, disputes or problems on your account. Next step: nothing to do.",
        RootCause.DisputeOpen =>
            $"Your payment of {f.Amount}{f.On(FactKeys.ChargeCreated)} is disputed with your bank (the dispute was opened{f.On(FactKeys.DisputeCreated, "")}). "
            + "While a dispute is open we cannot refund or change that payment ourselves. Next step: a member of our billing team will contact you to resolve it.",
        RootCause.PaymentBlockedRisk =>
            $"{f.ForInvoice("We could not take your payment")} and it needs a review by our billing team before anything is charged again. "
            + "No further charge attempts will be made in the meantime. Next step: a member of our billing team will contact you to sort it out.",
        RootCause.PaymentFailedInsufficientFunds =>
            $"Your payment of {f.Amount}{f.InvoiceRef} was declined by your bank for insufficient funds on your {f.Card}. "
            + $"{f.NextAttempt}Next step: once there is enough money on the card, retry the payment; we can retry it for you now.",
        RootCause.PaymentFailedCardExpired =>
            $"Your payment of {f.Amount}{f.InvoiceRef} failed because your {f.Card} has expired{f.ExpiredIn}. "
            + "Next step: update your card with a new one; the open amount is then collected from it.",
        RootCause.PaymentFailedIncorrectDetails =>
            $"Your payment of {f.Amount}{f.InvoiceRef} was declined because {f.WrongDetail} on your {f.Card} did not match what your bank has on file. "
            + "Next step: update your card details (or add another card); the open amount is then collected from it.",
        RootCause.PaymentFailedAuthenticationRequired =>
            $"Your bank needs you to confirm the payment of {f.Amount}{f.InvoiceRef} on your {f.Card} (a security check such as 3-D Secure). "
            + "Next step: open the secure payment link and approve the payment in your bank's app or page.",
        RootCause.PaymentFailedCardDeclined =>
            $"Your bank declined the payment of {f.Amount}{f.InvoiceRef} on your {f.Card} without giving us a reason. "
            + "Next step: call your bank and ask them to allow the payment, or switch to another card.",
        RootCause.PaymentLinkExpired =>
            $"The payment link for {f.Amount}{f.InvoiceRef} expired{f.On(FactKeys.LinkExpiredAt)}, so it can no longer be used. "
            + "Next step: get a fresh payment link and pay with it; we can send you one now.",
        RootCause.InvoicePastDue =>
            $"Invoice {f.Get(FactKeys.Invoice) ?? "on your account"} for {f.Amount} {f.DueText} and is still unpaid. "
            + $"Next step: pay it now with your {f.Card}; we can charge it for you.",
        RootCause.DuplicateCharge =>
            $"You were charged {f.Amount} twice{f.ForInvoiceShort}: charge {f.Get(FactKeys.RefundCharge)}{f.On(FactKeys.ChargeCreated)} repeats an earlier one. "
            + $"Next step: refund the extra charge {f.Get(FactKeys.RefundCharge)} of {f.Amount}; refunds reach your card in 5–10 business days.",
        RootCause.SourceUnavailable =>
            $"We could not reach {SourceNames.Describe(f.Get(FactKeys.Source) ?? "")} just now, so this answer may be incomplete. "
            + "Next step: a member of our team can look into it for you, or you can try again in a few minutes.",
        RootCause.EntitlementMismatch => f.Get(FactKeys.Mismatch) == "active_without_subscription"
            ? $"The feature {f.Get(FactKeys.Feature)} is still switched on although the subscription that included it has ended. "
              + "Next step: a member of our team will review your account and follow up with you."
            : $"Your subscription includes {f.Get(FactKeys.Feature)}, but it is not switched on in your account. "
              + "Next step: a member of our team will switch it on and confirm with you.",
        RootCause.UsageSpike =>
            $"Your {f.Get(FactKeys.Meter)} usage for {f.Period} cost {f.Amount}, {f.SpikeText}. "
            + "Next step: review where that usage came from; we can go through it with you period by period.",
        RootCause.CardExpiringSoon =>
            $"Your {f.Card} expires at the end of {f.ExpiryMonth}, before your next renewal{f.On(FactKeys.RenewalAt)}. "
            + "Next step: add your new card before then so the renewal goes through.",
        RootCause.RefundInProgress =>
            $"Your refund of {f.Amount} was issued{f.On(FactKeys.RefundCreated)} and is on its way to your {f.Card}. "
            + $"Refunds take 5–10 business days to arrive{f.By(FactKeys.RefundExpectedBy)}. Next step: nothing to do; if it has not arrived by then, contact us.",
        RootCause.PaymentDue =>
            $"{f.Amount}{f.InvoiceRef} is still to be paid{(f.Day(FactKeys.DueDate) is { } due ? $" (due on {due})" : "")}. Nothing has failed, "
            + "but a payment link is not a payment until it is used. Next step: pay with the payment link; once it is paid, nothing more is owed.",
    };

    public static string Write(RootCause cause, IReadOnlyList<Finding> findings)
    {
        var primary = findings.FirstOrDefault(f => f.RootCause == cause);
        var text = Template(cause, new Facts(primary?.Facts ?? new Dictionary<string, string>()));
        var unreached = findings
            .Where(f => f.RootCause == RootCause.SourceUnavailable && f != primary)
            .Select(f => SourceNames.Describe(f.Facts.GetValueOrDefault(FactKeys.Source) ?? ""))
            .Distinct()
            .ToList();
        return unreached.Count == 0
            ? text
            : $"{text} (We could not reach {string.Join(" or ", unreached)} just now, so this may not be the whole picture.)";
    }

    /// <summary>A finding's facts, read the way the templates say them.</summary>
    private sealed class Facts(IReadOnlyDictionary<string, string> facts)
    {
        public string? Get(string key) => facts.GetValueOrDefault(key);

        public string Amount => Get(FactKeys.AmountDisplay) ?? "the amount due";

        public string Card => Get(FactKeys.CardDisplay) ?? "card on file";

        public string InvoiceRef => Get(FactKeys.Invoice) is { } id ? $" for invoice {id}" : "";

        public string ForInvoiceShort => Get(FactKeys.Invoice) is { } id ? $" for invoice {id}" : "";

        public string ForInvoice(string what) =>
            Get(FactKeys.Invoice) is { } id ? $"{what} of {Amount} for invoice {id}" : what;

        /// <summary><c> on November 8, 2026</c>, or <paramref name="missing"/> when the date is unknown.</summary>
        public string On(string key, string missing = "") => Day(key) is { } day ? $" on {day}" : missing;

        public string By(string key) => Day(key) is { } day ? $", so expect it by {day}" : "";

        public string? Day(string key) => DateFormat.ParseIso(Get(key)) is { } when ? DateFormat.Day(when) : null;

        public string DueText => Day(FactKeys.DueDate) is { } due ? $"was due on {due}" : "is overdue";

        public string NextAttempt => Day(FactKeys.NextPaymentAttempt) is { } next ? $"We will try again automatically on {next}. " : "";

        public string ExpiredIn => int.TryParse(Get(FactKeys.CardExpMonth), out var m) && int.TryParse(Get(FactKeys.CardExpYear), out var y)
            ? $" (it was valid until the end of {DateFormat.Month(m, y)})"
            : "";

        public string ExpiryMonth => int.TryParse(Get(FactKeys.CardExpMonth), out var m) && int.TryParse(Get(FactKeys.CardExpYear), out var y)
            ? DateFormat.Month(m, y)
            : "its expiry month";

        public string WrongDetail => Get(FactKeys.DeclineCode) switch
        {
            "incorrect_zip" or "incorrect_address" => "the billing postal code or address",
            "incorrect_cvc" or "invalid_cvc" => "the security code (CVC)",
            "incorrect_number" or "invalid_number" => "the card number",
            "invalid_expiry_month" or "invalid_expiry_year" => "the expiry date",
            "incorrect_pin" or "invalid_pin" => "the PIN",
            _ => "the card details",
        };

        public string Period => (Day(FactKeys.PeriodStart), Day(FactKeys.PeriodEnd)) switch
        {
            ({ } start, { } end) => $"{start} to {end}",
            _ => "the latest period",
        };

        public string SpikeText
        {
            get
            {
                var mean = long.TryParse(Get(FactKeys.PreviousMeanAmount), out var m) ? Money.Format(m, Get(FactKeys.Currency)) : null;
                return (Get(FactKeys.SpikeRatio), mean) switch
                {
                    ({ } ratio, { } usual) => $"about {ratio} times your usual {usual} per period",
                    (null, { } usual) => $"well above your usual {usual} per period",
                    _ => "far more than in earlier periods",
                };
            }
        }
    }
}
