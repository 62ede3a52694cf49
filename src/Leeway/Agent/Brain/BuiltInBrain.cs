using Leeway.Agent.Conversations;
using Leeway.Agent.Replies;
using Leeway.Agent.Requests;
using Leeway.Agent.Tools;
using Leeway.Agent.Understanding;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;
using Stripe;

namespace Leeway.Agent.Brain;

/// <summary>
/// The default brain: deterministic, offline. Certain signals first (a person asked for, authority claimed in a
/// message, someone else's data), then the request act (a yes to an offer, a withdrawal, small talk, a status
/// question), then each action the customer explicitly asked for, then what the diagnosis says is wrong. It moves
/// money or cancels only on an explicit, affirmative request of that kind (or a yes to its own offer naming the
/// object), acts only through the tools (so through the gate), and states only facts it read.
/// </summary>
internal sealed class BuiltInBrain : IBrain
{
    /// <summary>Below this, the intent is a guess: ask once, then hand to a person.</summary>
    public const double ConfidenceFloor = 0.65;

    private static readonly HashSet<RootCause> Blocking =
        [RootCause.DisputeOpen, RootCause.PaymentBlockedRisk, RootCause.EntitlementMismatch, RootCause.SourceUnavailable];

    private static readonly HashSet<string> Requests =
    [
        Intent.RetryPayment, Intent.RefundRequest, Intent.DuplicateCharge, Intent.CancelSubscription, Intent.UpdateCard,
        Intent.PaymentLink, Intent.AccessIssue, Intent.UnrecognizedCharge, Intent.Dispute, Intent.PaymentFailed,
    ];

    public string Name => "built-in";

    public async Task<string> DecideAsync(Turn turn, LeeTools tools, CancellationToken ct)
    {
        var u = turn.Understanding;
        var act = turn.Act;
        var handedOver = turn.Conversation.State == ConversationState.Escalated;
        // "What email do you have for me?" is read structurally (the request act), before the intent: a model may take it
        // for a request for a person. Answered from the signed-in customer's own Stripe record, never one the message names.
        if (act.AsksEmailOnFile && !u.Signals.AsksForHuman && !act.Requests().Any() && turn.Billing is { } own && !ForeignReferences.Any(turn))
        {
            return turn.Says.EmailOnFile(own.Customer.Email);
        }

        if (u.Signals.AsksForHuman || u.Intent == Intent.TalkToHuman)
        {
            if (handedOver)
            {
                return turn.Says.PersonAlreadyHasIt;
            }

            turn.Escalate("The customer asked for a person.");
            return turn.Says.HandingToPerson;
        }

        if (u.Signals.ClaimsAuthority)
        {
            return turn.Says.NoAuthorityFromMessages(turn);
        }

        if (ForeignReferences.Any(turn))
        {
            return turn.Says.OnlyYourAccount;
        }

        if (turn.Conversation.PendingOffers is { Count: > 0 } offers && !act.Requests().Any())
        {
            if (act.Confirms && !act.HoldsBack)
            {
                return await AcceptOfferAsync(turn, tools, offers, ct);
            }

            if (act.Declines || act.Withdraws || act.Actions.Any(a => a.Polarity == Polarity.Negative))
            {
                return turn.Says.NothingChanged;
            }
        }

        if (act.Withdraws && !act.Requests().Any())
        {
            return turn.Says.NothingChanged;
        }

        if (act.SmallTalkOnly && !u.Signals.StrongFrustration)
        {
            return act.Closing ? turn.Says.Closing(turn) : turn.Says.Greeting(turn);
        }

        var diagnosis = turn.Diagnosis;
        if (diagnosis is null || turn.Billing is null)
        {
            if (handedOver)
            {
                return turn.Says.PersonAlreadyHasIt;
            }

            turn.Escalate("Lee could not read the customer's billing.");
            return turn.Says.CannotReadBilling;
        }

        if (act.StatusCheck && !act.Requests().Any())
        {
            return turn.Says.Status(turn);
        }

        if (diagnosis.RootCause is RootCause.DisputeOpen or RootCause.PaymentBlockedRisk
            || (Blocking.Contains(diagnosis.RootCause) && u.Intent != Intent.BillingQuestion && !act.Requests().Any()))
        {
            if (handedOver)
            {
                return $"{turn.Says.Explain(turn, diagnosis)}\n\n{turn.Says.PersonAlreadyHasIt}";
            }

            turn.Escalate($"{WireName.Of(diagnosis.RootCause)}: {WireName.Of(diagnosis.RecommendedAction)}.");
            return $"{turn.Says.Explain(turn, diagnosis)}\n\n{turn.Says.HandingToPerson}";
        }

        // What the customer explicitly asked for comes first, whatever their tone: each request handled on its own.
        var requested = act.Requests().GroupBy(a => a.Kind).Select(g => g.First()).ToList();
        if (requested.Count > 0)
        {
            var parts = new List<string>();
            foreach (var request in requested)
            {
                parts.Add(request.Kind switch
                {
                    ActionKind.Retry => await RetryAsync(turn, tools, ct),
                    ActionKind.Refund => request.Duplicate || (u.Intent == Intent.DuplicateCharge && HasFinding(turn, RootCause.DuplicateCharge))
                        ? await RefundDuplicateAsync(turn, tools, ct)
                        : await RefundAsync(turn, tools, ct),
                    ActionKind.Cancel => await CancelAsync(turn, tools, ct),
                    _ => Escalated(turn, "The customer asked for an account credit: a person decides its amount.", turn.Says.CreditNeedsPerson),
                });
            }

            parts.AddRange(await OtherProblemsAsync(turn, tools, requested.Select(r => r.Kind).ToHashSet(), ct));
            var reply = string.Join("\n\n", parts.Where(p => p.Length > 0).Distinct());
            return u.Signals.StrongFrustration ? $"{turn.Says.SorryForTheTrouble} {reply}" : reply;
        }

        // Spoken of but not asked for: a no is respected, a "what if" or a question is answered with what would happen.
        if (act.Actions.Count > 0 && act.Actions.All(a => a.Polarity == Polarity.Negative || a.Mood == Mood.Withdrawn))
        {
            return act.Actions.Any(a => a.Kind == ActionKind.Cancel) ? turn.Says.NotCancelled(turn) : turn.Says.NothingChanged;
        }

        if (act.Actions.Any(a => a.Polarity == Polarity.Affirmative && a.Mood is Mood.Hypothetical or Mood.Question))
        {
            return WhatIf(turn);
        }

        if (u.Signals.StrongFrustration)
        {
            // Frustration alone hands over only when Lee has nothing it may do; else Lee does what it can, first.
            if (!diagnosis.SelfServeEligible || handedOver)
            {
                return handedOver ? turn.Says.PersonAlreadyHasIt : Escalated(turn, "The customer is very frustrated.", turn.Says.SorryHandingToPerson);
            }

            return $"{turn.Says.SorryForTheTrouble} {await FixFromDiagnosisAsync(turn, tools, ct)}";
        }

        if (IsRepeat(turn))
        {
            if (handedOver)
            {
                return turn.Says.PersonAlreadyHasIt;
            }

            turn.Escalate($"The customer repeated the request ({u.Intent}).");
            return turn.Says.HandingToPerson;
        }

        if ((u.Confidence < ConfidenceFloor && u.Intent != Intent.BillingQuestion) || u.Intent == Intent.Other)
        {
            if (diagnosis.SelfServeEligible && u.Intent != Intent.Other)
            {
                return await FixFromDiagnosisAsync(turn, tools, ct);
            }

            if (turn.Conversation.Clarifications > 0 && !handedOver)
            {
                turn.Escalate("Lee could not tell what the customer needs.");
                return turn.Says.HandingToPerson;
            }

            turn.Clarified = true;
            return turn.Says.Clarify(turn, diagnosis);
        }

        return u.Intent switch
        {
            Intent.RetryPayment or Intent.PaymentFailed => await FixFromDiagnosisAsync(turn, tools, ct),
            Intent.RefundRequest => OfferRefund(turn),
            Intent.DuplicateCharge => HasFinding(turn, RootCause.DuplicateCharge) ? OfferDuplicate(turn) : OfferRefund(turn),
            Intent.CancelSubscription => OfferCancel(turn),
            Intent.UpdateCard => await CardLinkAsync(turn, tools, turn.Says.CardLinkIntro(turn), ct),
            Intent.RefundStatus => turn.Says.RefundStatus(turn),
            Intent.Dispute => handedOver ? turn.Says.PersonAlreadyHasIt : Escalated(turn, "The customer raised a dispute with their bank.", turn.Says.DisputeHandledByPeople),
            Intent.UnrecognizedCharge => turn.Says.RecentCharges(turn),
            Intent.UsageQuestion => await AnswerAsync(turn, tools, ct),
            Intent.AccessIssue => await AnswerAsync(turn, tools, ct, offerPerson: !handedOver),
            _ => diagnosis.SelfServeEligible || diagnosis.RootCause != RootCause.None
                ? await FixFromDiagnosisAsync(turn, tools, ct)
                : await AnswerAsync(turn, tools, ct),
        };
    }

    /// <summary>The same request again after Lee's answer did not settle it.</summary>
    private static bool IsRepeat(Turn turn)
    {
        var previous = turn.History.LastOrDefault(m => m.From == AgentLee.Customer);
        return previous is not null
            && previous.Intent == turn.Understanding.Intent
            && Requests.Contains(turn.Understanding.Intent)
            && turn.Conversation.PendingOffers.Count == 0
            && turn.Conversation.State is ConversationState.Open or ConversationState.Answered;
    }

    private static bool HasFinding(Turn turn, RootCause rootCause) => turn.Diagnosis?.Findings.Any(f => f.RootCause == rootCause) == true;

    /// <summary>
    /// Problems the message raises besides what was asked (a declined renewal next to a duplicate charge): each is
    /// handled by its own finding, offering (never doing) what would move money.
    /// </summary>
    private static async Task<List<string>> OtherProblemsAsync(Turn turn, LeeTools tools, HashSet<ActionKind> handled, CancellationToken ct)
    {
        var parts = new List<string>();
        var diagnosis = turn.Diagnosis!;
        var text = turn.Message;
        if (!handled.Contains(ActionKind.Refund) && HasFinding(turn, RootCause.DuplicateCharge) && (turn.Act.Actions.Any(a => a.Duplicate) || MentionsDuplicate(text)))
        {
            parts.Add(OfferDuplicate(turn));
        }

        if (!handled.Contains(ActionKind.Retry) && diagnosis.Findings.FirstOrDefault(f => f.RootCause.IsPaymentFailure() || f.RootCause is RootCause.InvoicePastDue or RootCause.PaymentLinkExpired) is { } failed
            && MentionsFailure(text))
        {
            parts.Add(await FixFindingAsync(turn, tools, failed, ct));
        }

        return parts;
    }

    private static bool MentionsDuplicate(string text) =>
        RequestActReader.Tokens(TextFolding.Fold(text)).Any(t => t is "twice" or "double" or "duplicate" or "duplicated" or "doppelt" or "zweimal" or "duplicado" or "doble" or "doublon" or "duplicata" or "doppio");

    private static bool MentionsFailure(string text) =>
        RequestActReader.Tokens(TextFolding.Fold(text)).Any(t => t.StartsWith("declin", StringComparison.Ordinal) || t.StartsWith("fail", StringComparison.Ordinal)
            || t.StartsWith("bounc", StringComparison.Ordinal) || t.StartsWith("rechaz", StringComparison.Ordinal) || t.StartsWith("abgelehnt", StringComparison.Ordinal)
            || t.StartsWith("fehlgeschlagen", StringComparison.Ordinal) || t.StartsWith("refus", StringComparison.Ordinal) || t.StartsWith("recus", StringComparison.Ordinal)
            || t.StartsWith("rifiut", StringComparison.Ordinal) || t.StartsWith("overdue", StringComparison.Ordinal) || t.StartsWith("renewal", StringComparison.Ordinal));

    /// <summary>What the diagnosis recommends, when the customer's words point at the problem it found.</summary>
    private static Task<string> FixFromDiagnosisAsync(Turn turn, LeeTools tools, CancellationToken ct) =>
        turn.Diagnosis!.Primary is { } primary ? FixFindingAsync(turn, tools, primary, ct) : AnswerAsync(turn, tools, ct);

    private static async Task<string> FixFindingAsync(Turn turn, LeeTools tools, Finding finding, CancellationToken ct)
    {
        var explanation = turn.Says.Explain(turn, finding);
        switch (finding.RootCause.Traits().RecommendedAction)
        {
            case RecommendedAction.UpdateCard:
                return await CardLinkAsync(turn, tools, explanation, ct);
            case RecommendedAction.ContactBank:
                return await CardLinkAsync(turn, tools, $"{explanation}\n\n{turn.Says.OrUseAnotherCard}", ct);
            case RecommendedAction.AuthenticatePayment when InvoiceOf(turn, finding) is { } invoice:
                return await LinkAsync(turn, tools.AuthenticatePaymentAsync(invoice.Id, ct), explanation);
            case RecommendedAction.RegenerateLink:
                return await RegenerateAsync(turn, tools, finding, explanation, ct);
            case RecommendedAction.RetryPayment when InvoiceOf(turn, finding) is { } due:
                if (turn.Understanding.Intent == Intent.PaymentLink)
                {
                    return await LinkAsync(turn, tools.RegenerateLinkAsync(null, due.Id, ct), explanation);
                }

                turn.Offers.Add(Offer.Retry(due.Id));
                return $"{explanation}\n\n{turn.Says.OfferRetry(due)}";
            case RecommendedAction.RefundDuplicate:
                return OfferDuplicate(turn);
            case RecommendedAction.PayWithLink when InvoiceOf(turn, finding) is { } owed:
                return await LinkAsync(turn, tools.RegenerateLinkAsync(null, owed.Id, ct), explanation);
            case RecommendedAction.PayWithLink when finding.Facts.GetValueOrDefault(FactKeys.Url) is { Length: > 0 } handed:
                // A payment link already handed and still open: the same link again (a new one is refused while it works).
                return turn.Says.HereIsYourLink(explanation, ActionType.RegenerateLink, handed);
            default:
                return await AnswerAsync(turn, tools, ct);
        }
    }

    private static async Task<string> AcceptOfferAsync(Turn turn, LeeTools tools, IReadOnlyList<Offer> offers, CancellationToken ct)
    {
        var parts = new List<string>();
        foreach (var offer in offers)
        {
            var id = offer.ObjectId;
            parts.Add(offer.Kind switch
            {
                OfferKind.Retry => await RetryAsync(turn, tools, ct, id),
                OfferKind.Refund when turn.Billing?.Charges.FirstOrDefault(c => c.Id == id) is { } charge => await RefundChargeAsync(turn, tools, charge, DuplicateOf(turn) == id ? "duplicate" : "requested_by_customer", ct),
                OfferKind.Refund or OfferKind.Credit => turn.Says.AllSet,
                OfferKind.Cancel => await CancelAsync(turn, tools, ct, id),
                OfferKind.Person => Escalated(turn, "The customer accepted a person's help.", turn.Says.HandingToPerson),
            });
        }

        return string.Join("\n\n", parts.Distinct());
    }

    private static async Task<string> RetryAsync(Turn turn, LeeTools tools, CancellationToken ct, string? invoiceId = null)
    {
        var invoice = invoiceId is null ? OpenInvoice(turn) : turn.Billing!.Invoices.FirstOrDefault(i => i.Id == invoiceId);
        if (invoice is null || invoice.Status != "open")
        {
            return turn.Says.NothingOutstanding(turn);
        }

        var action = turn.Diagnosis?.RecommendedAction;
        if (action is RecommendedAction.UpdateCard or RecommendedAction.AuthenticatePayment or RecommendedAction.RegenerateLink)
        {
            // A retry cannot succeed without the customer (dead card, bank verification): hand the fix instead.
            return await FixFromDiagnosisAsync(turn, tools, ct);
        }

        if (!turn.Policy.RiskAllowsMoneyMovement(turn.Billing!.Risk) && turn.Billing.Risk != "high")
        {
            // Above the risk line money does not move automatically, but the customer may pay themselves.
            return await LinkAsync(turn, tools.RegenerateLinkAsync(null, invoice.Id, ct), turn.Says.PayYourself);
        }

        var outcome = await tools.RetryPaymentAsync(invoice.Id, ct);
        if (outcome is null)
        {
            turn.Offers.Add(Offer.Retry(invoice.Id));
            return turn.Says.OfferRetry(invoice);
        }

        if (outcome.Succeeded)
        {
            return turn.Says.RetrySucceeded(turn, invoice, outcome);
        }

        if (!outcome.Allowed)
        {
            return Denied(turn, outcome);
        }

        return await CardLinkAsync(turn, tools, turn.Says.RetryDeclined(), ct);
    }

    /// <summary>The charge the duplicate finding singles out for refund, if there is one.</summary>
    private static string? DuplicateOf(Turn turn)
    {
        var finding = turn.Diagnosis?.Findings.FirstOrDefault(f => f.RootCause == RootCause.DuplicateCharge);
        return finding?.Facts.GetValueOrDefault(FactKeys.RefundCharge) ?? finding?.ObjectIds.LastOrDefault(id => id.StartsWith("ch_", StringComparison.Ordinal));
    }

    private static async Task<string> RefundDuplicateAsync(Turn turn, LeeTools tools, CancellationToken ct)
    {
        var charge = turn.Billing!.Charges.FirstOrDefault(c => c.Id == DuplicateOf(turn));
        if (charge is null)
        {
            return await RefundAsync(turn, tools, ct);
        }

        return await RefundChargeAsync(turn, tools, charge, "duplicate", ct);
    }

    private static async Task<string> RefundAsync(Turn turn, LeeTools tools, CancellationToken ct)
    {
        if (ChargeFinder.AlreadyRefunded(turn) is { } refunded)
        {
            return turn.Says.AlreadyRefunded(refunded);
        }

        if (turn.Diagnosis?.RootCause == RootCause.RefundInProgress && turn.Understanding.Entities.Amounts.Count == 0)
        {
            return turn.Says.RefundStatus(turn);
        }

        var candidates = ChargeFinder.Find(turn);
        if (candidates.Count == 1 || (candidates.Count > 1 && turn.Understanding.Entities.Amounts.Count > 0))
        {
            return await RefundChargeAsync(turn, tools, candidates[0], "requested_by_customer", ct);
        }

        if (turn.Conversation.Clarifications > 0 && turn.Conversation.State != ConversationState.Escalated)
        {
            turn.Escalate("Lee could not tell which charge the customer wants refunded.");
            return turn.Says.HandingToPerson;
        }

        turn.Clarified = true;
        return turn.Says.WhichCharge(turn);
    }

    private static async Task<string> RefundChargeAsync(Turn turn, LeeTools tools, Charge charge, string reason, CancellationToken ct)
    {
        var outcome = await tools.RefundChargeAsync(charge.Id, null, reason, ct);
        if (outcome is null)
        {
            turn.Offers.Add(Offer.Refund(charge.Id));
            return turn.Says.OfferRefund(charge);
        }

        return outcome.Succeeded ? turn.Says.Refunded(charge, outcome) : Denied(turn, outcome);
    }

    /// <summary>
    /// "If I cancelled, would I get money back?", "how would I cancel?": what each action would do, with the date, the
    /// amount and what follows, and an offer to do it, which only a yes turns into an action.
    /// </summary>
    private static string WhatIf(Turn turn)
    {
        var parts = new List<string>();
        var kinds = turn.Act.Actions.Where(a => a.Polarity == Polarity.Affirmative && a.Mood is Mood.Hypothetical or Mood.Question).Select(a => a.Kind).Distinct().ToList();
        if (kinds.Contains(ActionKind.Cancel))
        {
            parts.Add(OfferCancel(turn));
        }

        if (kinds.Contains(ActionKind.Refund))
        {
            var candidates = ChargeFinder.Find(turn);
            var charge = candidates.Count == 1 ? candidates[0] : null;
            parts.Add(kinds.Contains(ActionKind.Cancel) ? turn.Says.CancelDoesNotRefund(charge) : charge is null ? turn.Says.WhichCharge(turn) : OfferRefund(turn));
        }

        if (kinds.Contains(ActionKind.Retry))
        {
            parts.Add(OpenInvoice(turn) is { } invoice ? OfferRetryOf(turn, invoice) : turn.Says.NothingOutstanding(turn));
        }

        if (kinds.Contains(ActionKind.Credit))
        {
            parts.Add(turn.Says.CreditIsAPersonsCall);
        }

        parts.Add(turn.Says.NothingChangedYet);
        return string.Join("\n\n", parts.Distinct());
    }

    private static string OfferRetryOf(Turn turn, Invoice invoice)
    {
        turn.Offers.Add(Offer.Retry(invoice.Id));
        return turn.Says.OfferRetry(invoice);
    }

    /// <summary>A refund the customer spoke of without asking for it: the named (or only) charge, offered once.</summary>
    private static string OfferRefund(Turn turn)
    {
        if (ChargeFinder.AlreadyRefunded(turn) is { } refunded)
        {
            return turn.Says.AlreadyRefunded(refunded);
        }

        if (turn.Diagnosis?.RootCause == RootCause.RefundInProgress)
        {
            return turn.Says.RefundStatus(turn);
        }

        var candidates = ChargeFinder.Find(turn);
        if (candidates.Count == 1 && !turn.Act.Refuses(ActionKind.Refund))
        {
            turn.Offers.Add(Offer.Refund(candidates[0].Id));
            return turn.Says.OfferRefund(candidates[0]);
        }

        return turn.Act.Refuses(ActionKind.Refund) ? turn.Says.NothingChanged : turn.Says.WhichCharge(turn);
    }

    private static string OfferDuplicate(Turn turn)
    {
        var charge = turn.Billing?.Charges.FirstOrDefault(c => c.Id == DuplicateOf(turn));
        if (charge is null || turn.Act.Refuses(ActionKind.Refund))
        {
            return turn.Says.Explain(turn, turn.Diagnosis!);
        }

        turn.Offers.Add(Offer.Refund(charge.Id));
        return turn.Says.OfferDuplicateRefund(charge);
    }

    private static Subscription? LiveSubscription(Turn turn, string? subscriptionId)
    {
        var live = turn.Billing!.Subscriptions.Where(s => s.Status is "active" or "trialing" or "past_due").ToList();
        return subscriptionId is not null
            ? live.FirstOrDefault(s => s.Id == subscriptionId)
            : live.Count == 1 ? live[0] : live.FirstOrDefault(s => turn.Understanding.Entities.ObjectIds.Contains(s.Id));
    }

    private static async Task<string> CancelAsync(Turn turn, LeeTools tools, CancellationToken ct, string? subscriptionId = null)
    {
        var live = turn.Billing!.Subscriptions.Count(s => s.Status is "active" or "trialing" or "past_due");
        var subscription = LiveSubscription(turn, subscriptionId);
        if (subscription is null)
        {
            return live == 0 ? turn.Says.NoSubscription : turn.Says.WhichSubscription;
        }

        if (subscription.CancelAtPeriodEnd)
        {
            return turn.Says.AlreadyCancelling(subscription);
        }

        var outcome = await tools.CancelSubscriptionAsync(subscription.Id, ct);
        if (outcome is null)
        {
            turn.Offers.Add(Offer.Cancel(subscription.Id));
            return turn.Says.OfferCancel(subscription);
        }

        return outcome.Succeeded ? turn.Says.Cancelled(subscription) : Denied(turn, outcome);
    }

    /// <summary>A cancellation spoken of but not asked for ("how do I cancel?"): say how, and offer it once, naming the date and what follows.</summary>
    private static string OfferCancel(Turn turn)
    {
        var subscription = LiveSubscription(turn, null);
        if (subscription is null)
        {
            return turn.Billing!.Subscriptions.Any(s => s.Status is "active" or "trialing" or "past_due") ? turn.Says.WhichSubscription : turn.Says.NoSubscription;
        }

        if (subscription.CancelAtPeriodEnd)
        {
            return turn.Says.AlreadyCancelling(subscription);
        }

        if (turn.Policy.CancelSelfServe)
        {
            turn.Offers.Add(Offer.Cancel(subscription.Id));
        }

        return turn.Says.OfferCancel(subscription);
    }

    private static async Task<string> RegenerateAsync(Turn turn, LeeTools tools, Finding finding, string intro, CancellationToken ct)
    {
        var session = finding.ObjectIds.FirstOrDefault(id => id.StartsWith("cs_", StringComparison.Ordinal));
        var invoice = session is null ? finding.ObjectIds.FirstOrDefault(id => id.StartsWith("in_", StringComparison.Ordinal)) ?? OpenInvoice(turn)?.Id : null;
        return await LinkAsync(turn, tools.RegenerateLinkAsync(session, invoice, ct), intro);
    }

    private static Task<string> CardLinkAsync(Turn turn, LeeTools tools, string intro, CancellationToken ct) =>
        LinkAsync(turn, tools.CardUpdateLinkAsync(ct), intro);

    /// <summary>A link tool's outcome as a reply: the link, or the intro alone when the tool refused before the gate, or the refusal.</summary>
    private static async Task<string> LinkAsync(Turn turn, Task<GateOutcome?> gated, string intro)
    {
        var outcome = await gated;
        return outcome is { Succeeded: true, Result.Url: { } url }
            ? turn.Says.HereIsYourLink(intro, outcome.Action, url)
            : outcome is null ? intro : Denied(turn, outcome);
    }

    private static async Task<string> AnswerAsync(Turn turn, LeeTools tools, CancellationToken ct, bool offerPerson = false)
    {
        await tools.SearchKnowledgeAsync(turn.Message, ct);
        if (offerPerson)
        {
            turn.Offers.Add(Offer.Person);
        }

        return turn.Says.Answer(turn, offerPerson);
    }

    /// <summary>A refusal or a failure: where a person could grant or fix it, hand over; where nobody may, explain.</summary>
    private static string Denied(Turn turn, GateOutcome outcome)
    {
        if (outcome.HumanCanGrant || outcome.Allowed)
        {
            turn.Escalate($"{WireName.Of(outcome.Action)} refused by policy ({outcome.Rule}): {outcome.Message}");
            return turn.Conversation.State == ConversationState.Escalated
                ? $"{turn.Says.CannotDoThisMyself(outcome)} {turn.Says.AddedToCase}"
                : $"{turn.Says.CannotDoThisMyself(outcome)}\n\n{turn.Says.HandingToPerson}";
        }

        return turn.Says.NotPossible(outcome);
    }

    private static string Escalated(Turn turn, string reason, string reply)
    {
        turn.Escalate(reason);
        return reply;
    }

    /// <summary>The open invoice a finding points at, else the customer's most recent open one.</summary>
    private static Invoice? InvoiceOf(Turn turn, Finding finding)
    {
        var id = finding.ObjectIds.FirstOrDefault(i => i.StartsWith("in_", StringComparison.Ordinal)) ?? finding.Facts.GetValueOrDefault(FactKeys.Invoice);
        var open = turn.Billing!.OpenInvoices().Where(i => i.Owed() > 0).ToList();
        return open.FirstOrDefault(i => i.Id == id) ?? open.FirstOrDefault();
    }

    /// <summary>The open invoice the diagnosis points at, else the customer's most recent open one.</summary>
    private static Invoice? OpenInvoice(Turn turn) =>
        turn.Diagnosis?.Primary is { } primary ? InvoiceOf(turn, primary) : turn.Billing!.OpenInvoices().FirstOrDefault(i => i.Owed() > 0);
}
