using System.Text.RegularExpressions;
using Leeway.Agent.Brain;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Explanations;
using Leeway.Policy;
using Stripe;

namespace Leeway.Agent.Replies;

/// <summary>
/// Everything the built-in brain says, in one place. Every fact comes from the turn (diagnosis, Stripe, a knowledge
/// article); nothing here invents a price, a date, a policy or a promise.
/// </summary>
public static partial class LeeSays
{
    public const string PersonAlreadyHasIt =
        "A person on our billing team already has our conversation and will follow up with you; their reply will appear on your billing page. I've added this message for them, and I'm still here if you need anything I can do myself.";

    public const string AddedToCase = "I've added this to the case our billing team already has, so they'll see it when they follow up.";

    public const string NothingChanged = "No problem: I haven't changed anything on your account. If there's something else I can help with, just tell me.";

    public const string CreditNeedsPerson =
        "An account credit is decided by a person on our billing team, so I haven't added one myself. I've passed your request to them with our conversation.";

    public const string NothingChangedYet = "I haven't changed anything on your account; I'll only do it if you ask me to.";

    public const string CreditIsAPersonsCall = "Account credits are decided by a person on our billing team; if you'd like one, tell me why and I'll pass it to them.";

    public static string CancelDoesNotRefund(Charge? charge) =>
        "Cancelling by itself doesn't refund the period you've already paid for."
        + (charge is null ? "" : $" If you'd like the {Money.Format(charge.Amount - charge.AmountRefunded, charge.Currency)} charge from {Money.Date(charge.Created)} refunded, ask me and I'll check it for you.");

    public const string SorryForTheTrouble = "I'm sorry for the trouble.";

    public const string PayYourself =
        "I can't take this payment automatically on your account, but you can pay it yourself right away with the secure link below.";

    /// <summary>What Lee says instead of repeating itself word for word: nothing changed, what is still wrong; then a person.</summary>
    public static IReadOnlyList<string> NothingNewSince(Turn turn) => turn.Conversation.CaseId is null
        ?
        [
            "Nothing has changed on your account since my last message. What is still not right? Tell me in a few words and I'll look again.",
            "We seem to be going in circles, so I've passed this to a person on our billing team with our conversation and your account's details. A person will follow up with you; their reply will appear on your billing page.",
        ]
        :
        [
            "Nothing has changed on your account since my last message, and the person who has your case will follow up with you. Is there something else I can do right now?",
            "Your case is with our billing team and they will follow up with you; I've added your latest message to it.",
        ];

    public static string Greeting(Turn turn) =>
        turn.Diagnosis is { } d && d.RootCause != RootCause.None
            ? $"Hi! I'm Lee. Here's what I see on your account: {Explain(turn, d)} How can I help?"
            : "Hi! I'm Lee, and I can help with charges, refunds, payments, your card or your subscription. What can I do for you?";

    public static string Closing(Turn turn)
    {
        var said = turn.History.Where(m => m.From == AgentLee.Lee).Select(m => m.Text).ToHashSet();
        var options = new[]
        {
            "You're welcome! If anything else comes up with your billing, just write here.",
            "Glad I could help. Have a good day!",
            "Anytime. I'm here if you need anything else.",
        };
        return options.FirstOrDefault(o => !said.Contains(o)) ?? options[^1];
    }

    /// <summary>"Is everything OK now?", answered from the diagnosis read this turn.</summary>
    public static string Status(Turn turn)
    {
        var d = turn.Diagnosis!;
        var open = turn.Billing?.OpenInvoices().Where(i => i.Owed() > 0).ToList() ?? [];
        if (d.RootCause == RootCause.None && open.Count == 0)
        {
            return "Yes, everything is in order now: nothing is overdue, no payment has failed and nothing else is outstanding on your account.";
        }

        if (d.RootCause is RootCause.RefundInProgress or RootCause.CardExpiringSoon or RootCause.None)
        {
            return $"Nothing is overdue on your account. One thing to know: {Explain(turn, d)}";
        }

        return $"Not quite yet. {Explain(turn, d)}";
    }

    /// <summary>The diagnosis's explanation as the customer should read it: no internal object ids.</summary>
    public static string Explain(Turn turn, Diagnosis diagnosis)
    {
        _ = turn;
        return Scrub(diagnosis.Explanation);
    }

    public static string Explain(Turn turn, Finding finding) =>
        turn.Diagnosis?.Primary == finding ? Explain(turn, turn.Diagnosis) : Scrub(ExplanationWriter.Write(RootCause.Of(finding.RootCause), [finding]));

    /// <summary>Removes Stripe object ids a customer never sees ("for invoice in_…", "charge ch_…").</summary>
    public static string Scrub(string text)
    {
        var scrubbed = InvoiceRef().Replace(text, "");
        scrubbed = InvoiceLead().Replace(scrubbed, "Your invoice");
        scrubbed = ChargeRef().Replace(scrubbed, "the extra charge");
        scrubbed = BareId().Replace(scrubbed, "it");
        return scrubbed.Replace("the extra charge of", "the extra charge of", StringComparison.Ordinal);
    }

    [GeneratedRegex(@" for invoice (?:in|il)_[A-Za-z0-9_]+")]
    private static partial Regex InvoiceRef();

    [GeneratedRegex(@"\bInvoice (?:in|il)_[A-Za-z0-9_]+")]
    private static partial Regex InvoiceLead();

    [GeneratedRegex(@"\b(?:the extra )?charge ch_[A-Za-z0-9_]+")]
    private static partial Regex ChargeRef();

    [GeneratedRegex(@"\b(?:in|ch|pi|sub|cs|re|dp|pm|cus)_[A-Za-z0-9_]+")]
    private static partial Regex BareId();

    public static string NotCancelled(Turn turn)
    {
        var live = turn.Billing?.Subscriptions.FirstOrDefault(s => s.Status is "active" or "trialing" or "past_due");
        return live is null
            ? "Understood: I haven't cancelled anything."
            : live.CancelAtPeriodEnd
                ? $"Understood: I haven't changed anything. Note that your subscription is currently set to end on {Money.Date(PeriodEnd(live))}; if you'd like to keep it, tell me and I'll pass that to our billing team."
                : $"Understood: I haven't cancelled anything. Your subscription stays active and renews on {Money.Date(PeriodEnd(live))} as usual.";
    }

    public static string OfferRefund(Charge charge)
    {
        var card = charge.PaymentMethodDetails?.Card;
        var to = card is null ? "your card" : $"your {CardFormat.Name(card.Brand, card.Last4)}";
        return $"I can refund the {Money.Format(charge.Amount - charge.AmountRefunded, charge.Currency)} charge from {Money.Date(charge.Created)}"
            + (string.IsNullOrEmpty(charge.Description) ? "" : $" ({charge.Description})")
            + $" to {to}. A refund can't be undone, and it takes 5–10 business days to reach you. Would you like me to do that? Just reply yes.";
    }

    public static string OfferDuplicateRefund(Charge charge) =>
        $"You were charged {Money.Format(charge.Amount, charge.Currency)} twice; the second charge, on {Money.Date(charge.Created)}, repeats the first. "
        + $"I can refund that extra {Money.Format(charge.Amount - charge.AmountRefunded, charge.Currency)} now; it reaches your card in 5–10 business days. Would you like me to? Just reply yes.";

    public static string AlreadyRefunded(Charge charge) =>
        $"The {Money.Format(charge.Amount, charge.Currency)} charge from {Money.Date(charge.Created)} has already been refunded"
        + (charge.Refunds?.Data?.OrderByDescending(r => r.Created).FirstOrDefault() is { } refund ? $" (on {Money.Date(refund.Created)})" : "")
        + ", so there's nothing more to refund on it, and I haven't refunded anything else. Refunds take 5–10 business days to show on your statement.";

    public static string Clarify(Turn turn, Diagnosis diagnosis) =>
        diagnosis.RootCause == RootCause.None
            ? "I want to make sure I help with the right thing. Is this about a charge, a refund, a failed payment, your card, a payment link, your usage, or cancelling? A few words more and I'll sort it out."
            : $"I want to make sure I help with the right thing. Here's what I see on your account: {Explain(turn, diagnosis)} Is that what you're asking about, or something else?";

    public const string HandingToPerson =
        "I've passed this to a person on our billing team, with our conversation, your account's diagnosis and everything I tried, so you won't need to repeat anything. A person will follow up with you; their reply will appear on your billing page.";

    public const string SorryHandingToPerson = "I'm sorry this has been so frustrating. " + HandingToPerson;

    public const string OnlyYourAccount =
        "I can only look at and act on the account you're signed in with, so I can't share, confirm or change anything about someone else's account. If they need help, they can contact us while signed in to their own account. Is there anything on your own account I can help with?";

    public const string CannotReadBilling =
        "I can't read your billing details reliably right now, so rather than guess, " + "I've passed this to a person on our billing team with our conversation. A person will follow up with you; their reply will appear on your billing page.";

    /// <summary>The turn ran out of time (a slow Stripe): what could not be done, that nothing is guessed, and who has it now.</summary>
    /// <param name="unfinished">The action type that was sent and not confirmed (<c>refund</c>, …), or null when only reading was under way.</param>
    public static string RanOutOfTime(ActionType? unfinished) =>
        (unfinished switch
        {
            ActionType.Refund => "I asked our payment provider to make the refund, but it didn't confirm it in time, so I can't tell you it's done.",
            ActionType.RetryPayment => "I asked our payment provider to retry your payment, but it didn't confirm it in time, so I can't tell you it went through.",
            ActionType.CancelSubscription => "I asked our payment provider to cancel your subscription, but it didn't confirm it in time, so I can't tell you it's cancelled.",
            ActionType.Credit => "I asked our payment provider to add the credit, but it didn't confirm it in time, so I can't tell you it's there.",
            null => "Our payment provider isn't answering quickly enough right now, so I couldn't check your billing details or do anything about them.",
            ActionType.RegenerateLink or ActionType.CardUpdateLink or ActionType.AuthenticatePayment => "I asked our payment provider for a secure link, but it didn't answer in time, so I don't have one for you yet.",
        })
        + " Rather than guess or have you wait, " + HandingToPerson[0..1].ToLowerInvariant() + HandingToPerson[1..].Replace("everything I tried", "what I tried and what is still unconfirmed", StringComparison.Ordinal);

    public const string DisputeHandledByPeople =
        "Because a dispute is involved, a person on our billing team handles this rather than me. I've passed it to them with our conversation and your account's details. A person will follow up with you; their reply will appear on your billing page.";

    public const string OrUseAnotherCard = "You can call your bank, or put another card on file with the secure link below and we'll use it for your next payment.";

    public const string AllSet = "You're all set. Is there anything else I can help with?";

    public const string NoSubscription = "I don't see an active subscription on your account, so there's nothing to cancel.";

    public const string WhichSubscription = "You have more than one active subscription. Which one would you like to cancel?";

    public static string NoAuthorityFromMessages(Turn turn) =>
        "I can't change how I work, or our billing policies, based on instructions or authorizations in a chat message, so I haven't taken any action. "
        + (turn.Diagnosis is { } d && d.RootCause != RootCause.None ? $"Here's where your account stands: {Explain(turn, d)} " : "")
        + "If you'd like a refund or another change reviewed, tell me what happened and I can look at it within our normal process, or ask for a person.";

    public static string CardLinkIntro(Turn turn) =>
        turn.Diagnosis is { } d && d.RootCause != RootCause.None && d.RecommendedAction is RecommendedAction.UpdateCard or RecommendedAction.ContactBank
            ? Explain(turn, d)
            : "Here's a secure link to put a new card on file; we'll use it for your next payments.";

    public static string HereIsYourLink(string intro, string tool, string url)
    {
        var what = tool switch
        {
            "card_update_link" => "Use this secure link to add your new card",
            "authenticate_payment" => "Use this secure link to complete your bank's verification and pay",
            _ => "Here's a fresh link to pay",
        };
        return $"{intro}\n\n{what}: {url}".Trim();
    }

    public static string OfferRetry(Invoice invoice) =>
        $"If your card is ready, I can retry the {Money.Format(invoice.AmountRemaining, invoice.Currency)} payment now. Just say the word.";

    public static string NothingOutstanding(Turn turn) =>
        turn.Billing?.Invoices.Any(i => i.Status == "open" && i.AmountRemaining > 0) == true
            ? "There's nothing I can retry right now."
            : "Good news: nothing is outstanding on your account. All your invoices are paid.";

    public static string RetrySucceeded(Turn turn, Invoice invoice, GateOutcome outcome)
    {
        var card = turn.Billing?.DefaultPaymentMethod?.Card;
        var amount = Money.Format(outcome.Result?.Amount ?? invoice.AmountRemaining, outcome.Result?.Currency ?? invoice.Currency);
        return $"Done: I retried the payment and it went through. {amount} was paid"
            + (card is null ? "" : $" with your {CardFormat.Name(card.Brand, card.Last4)}")
            + ". Your invoice is now paid and there's nothing else outstanding for it.";
    }

    public static string RetryDeclined() =>
        "I retried the payment, but the bank declined it again. You can put another card on file and we'll use it.";

    public static string Refunded(Charge charge, GateOutcome outcome)
    {
        var amount = Money.Format(outcome.Result?.Amount ?? (charge.Amount - charge.AmountRefunded), charge.Currency);
        var card = charge.PaymentMethodDetails?.Card;
        var to = card is null ? "your card" : $"your {CardFormat.Name(card.Brand, card.Last4)}";
        return $"Done: I've refunded {amount}{(string.IsNullOrEmpty(charge.Description) ? "" : $" for {charge.Description}")} to {to}. "
            + "Refunds usually take 5–10 business days to show up, depending on your bank. Nothing else on your account changes.";
    }

    public static string InvoiceRefundNeedsPerson(Charge charge) =>
        $"Refunds of a subscription or usage invoice ({Money.Format(charge.Amount, charge.Currency)} on {Money.Date(charge.Created)}) are reviewed by a person, so I haven't refunded anything myself.";

    public static string WhichCharge(Turn turn)
    {
        var recent = (turn.Billing?.Charges ?? []).Where(c => c.Status == "succeeded" && c.AmountRefunded < c.Amount)
            .OrderByDescending(c => c.Created).Take(3)
            .Select(c => $"{Money.Format(c.Amount, c.Currency)} on {Money.Date(c.Created)}{(string.IsNullOrEmpty(c.Description) ? "" : $" ({c.Description})")}")
            .ToList();
        return recent.Count == 0
            ? "I don't see a charge on your account that could be refunded. Could you tell me the amount and date of the charge you mean?"
            : $"Which charge would you like refunded? Your recent ones: {string.Join("; ", recent)}.";
    }

    public static string RefundStatus(Turn turn)
    {
        var refunds = turn.Billing?.Refunds ?? [];
        var pending = refunds.Where(r => r.Status == "pending").ToList();
        if (turn.Diagnosis is { RootCause: RootCause.RefundInProgress } d)
        {
            return $"{Explain(turn, d)} You don't need to chase it: it's on its way.";
        }

        if (pending.Count > 0)
        {
            var r = pending[0];
            return $"Your refund of {Money.Format(r.Amount, r.Currency)} was issued on {Money.Date(r.Created)} and is on its way. Refunds usually take 5–10 business days to appear, depending on your bank.";
        }

        var recent = refunds.Where(r => r.Status == "succeeded").OrderByDescending(r => r.Created).FirstOrDefault();
        return recent is not null
            ? $"Your refund of {Money.Format(recent.Amount, recent.Currency)} was completed on {Money.Date(recent.Created)}. If it isn't on your statement yet, banks can take 5–10 business days to show it."
            : "I don't see a refund on your account yet. If someone promised you one, tell me which charge it's for and I'll look into it.";
    }

    public static string RecentCharges(Turn turn)
    {
        var charges = (turn.Billing?.Charges ?? []).Where(c => c.Status == "succeeded").OrderByDescending(c => c.Created).Take(5)
            .Select(c => $"{Money.Format(c.Amount, c.Currency)} on {Money.Date(c.Created)}: {(string.IsNullOrEmpty(c.Description) ? turn.Billing!.InvoiceOf(c) is null ? "a one-time purchase" : "your subscription invoice" : c.Description)}")
            .ToList();
        return charges.Count == 0
            ? "I don't see a successful charge from us on your account. If you see one on your statement, tell me its amount and date; if it isn't ours, your bank can tell you who made it."
            : $"Here are your recent charges from us: {string.Join("; ", charges)}. If one of these isn't something you recognise, tell me which and I'll look into it.";
    }

    public static string AlreadyCancelling(Subscription subscription) =>
        $"Your subscription is already set to end on {Money.Date(PeriodEnd(subscription))}. You keep access until then and won't be charged again.";

    public static string OfferCancel(Subscription subscription) =>
        $"I can cancel your subscription so it ends on {Money.Date(PeriodEnd(subscription))} (the end of the period you've paid for); you keep access until then and won't be charged again. Would you like me to do that?";

    public static string Cancelled(Subscription subscription) =>
        $"Done: your subscription is cancelled and will end on {Money.Date(PeriodEnd(subscription))}, the end of the period you've already paid for. You keep access until then, and you won't be charged again.";

    public static string CannotDoThisMyself(GateOutcome outcome) => outcome.Allowed
        ? "I tried, but Stripe didn't confirm it, so I've stopped rather than risk doing it twice."
        : outcome.Action switch
        {
            ActionType.Refund => "I can't approve this refund myself: it needs a person's review under our refund policy.",
            ActionType.CancelSubscription => "Cancellations on your account are handled by a person, so I haven't changed your subscription.",
            ActionType.RetryPayment => "I can't retry this payment automatically.",
            ActionType.Credit => "I can't add this credit myself: it needs a person's review.",
            ActionType.RegenerateLink or ActionType.CardUpdateLink or ActionType.AuthenticatePayment => "I can't do that automatically on your account.",
        };

    public static string NotPossible(GateOutcome outcome) => outcome.Rule switch
    {
        "already_refunded" => "That charge has already been refunded in full, so there's nothing more to refund.",
        "invoice_not_open" => "That invoice isn't open any more, so there's nothing to pay.",
        _ => "I can't do that on your account. Is there something else I can help with?",
    };

    public static string Answer(Turn turn, bool offerPerson)
    {
        var parts = new List<string>();
        var diagnosis = turn.Diagnosis;
        if (diagnosis is not null && diagnosis.RootCause != RootCause.None)
        {
            parts.Add(Explain(turn, diagnosis));
        }
        else if (turn.Billing is { } billing && NextRenewal(billing) is { } renewal)
        {
            parts.Add(renewal);
        }

        if (turn.Citations.Count > 0)
        {
            var article = turn.Citations[0];
            parts.Add($"{Excerpt(article.Body)} (From our help article “{article.Title}”{ArticleLink(article)}.)");
        }

        if (parts.Count == 0)
        {
            parts.Add(diagnosis is null ? "Your account looks healthy: nothing is overdue and no payment has failed." : Explain(turn, diagnosis));
        }

        if (offerPerson)
        {
            parts.Add("If that doesn't sort it out, reply and I'll bring in a person from our team.");
        }

        return string.Join("\n\n", parts);
    }

    private static string? NextRenewal(BillingSnapshot billing)
    {
        var subscription = billing.Subscriptions.Where(s => s.Status is "active" or "trialing" && !s.CancelAtPeriodEnd).OrderBy(PeriodEnd).FirstOrDefault();
        if (subscription is null)
        {
            return billing.Subscriptions.FirstOrDefault(s => s.CancelAtPeriodEnd && s.Status == "active") is { } ending
                ? $"Your subscription ends on {Money.Date(PeriodEnd(ending))} and won't renew."
                : "You don't have a subscription that renews, so there's no upcoming charge.";
        }

        var amount = subscription.Items?.Data?.Sum(i => (i.Price?.UnitAmount ?? 0) * Math.Max(1, i.Quantity)) ?? 0;
        var card = billing.DefaultPaymentMethod?.Card;
        return $"Your next charge is on {Money.Date(PeriodEnd(subscription))}: {Money.Format(amount, subscription.Currency)} for your subscription"
            + (card is null ? "." : $", to your {CardFormat.Name(card.Brand, card.Last4)}.")
            + " Your account is in good standing: nothing is overdue.";
    }

    private static DateTimeOffset PeriodEnd(Subscription subscription) =>
        new(DateTime.SpecifyKind(subscription.Items?.Data?.Select(i => i.CurrentPeriodEnd).DefaultIfEmpty(DateTime.MinValue).Min() ?? DateTime.MinValue, DateTimeKind.Utc));

    /// <summary>Up to about 400 characters of an article, ending on a whole sentence.</summary>
    public static string Excerpt(string body)
    {
        var text = body.ReplaceLineEndings(" ").Trim();
        if (text.Length <= 400)
        {
            return text;
        }

        var end = text.LastIndexOfAny(['.', '!', '?'], 400);
        if (end < 80)
        {
            end = text.IndexOfAny(['.', '!', '?'], 400);
        }

        return end < 0 ? text : text[..(end + 1)];
    }

    private static string ArticleLink(Knowledge.Article article) => $", /api/v1/knowledge/articles/{Uri.EscapeDataString(article.Id)}";
}
