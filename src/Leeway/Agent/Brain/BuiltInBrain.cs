using System.Text.RegularExpressions;
using Leeway.Agent.Replies;
using Leeway.Agent.Tools;
using Leeway.Agent.Understanding;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Policy;
using Stripe;

namespace Leeway.Agent.Brain;

/// <summary>
/// The default brain: deterministic, offline. Certain signals first (a person asked for, authority claimed in a
/// message, someone else's data, frustration, a repeated request), then what the diagnosis says is wrong, then what the
/// customer asked. It acts only through the tools (so through the gate) and states only facts it read.
/// </summary>
public sealed partial class BuiltInBrain : IBrain
{
    /// <summary>Below this, the intent is a guess: ask once, then hand to a person.</summary>
    public const double ConfidenceFloor = 0.45;

    private static readonly HashSet<string> Blocking =
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
        if (u.Signals.AsksForHuman || u.Intent == Intent.TalkToHuman)
        {
            turn.Escalate("The customer asked for a person.");
            return LeeSays.HandingToPerson;
        }

        if (u.Signals.ClaimsAuthority)
        {
            return LeeSays.NoAuthorityFromMessages(turn);
        }

        if (ForeignReferences.Any(turn))
        {
            return LeeSays.OnlyYourAccount;
        }

        if (u.Signals.StrongFrustration)
        {
            turn.Escalate("The customer is very frustrated.");
            return LeeSays.SorryHandingToPerson;
        }

        if (IsRepeat(turn))
        {
            turn.Escalate($"The customer repeated the request ({u.Intent}).");
            return LeeSays.HandingToPerson;
        }

        if (turn.Conversation.PendingOffer is { } offer && u.Signals.Affirmation && !u.Signals.Negation && !Requests.Contains(u.Intent))
        {
            return await AcceptOfferAsync(turn, tools, offer, ct);
        }

        var diagnosis = turn.Diagnosis;
        if (diagnosis is null || turn.Billing is null)
        {
            turn.Escalate("Lee could not read the customer's billing.");
            return LeeSays.CannotReadBilling;
        }

        if ((Blocking.Contains(diagnosis.RootCause) && u.Intent != Intent.BillingQuestion) || diagnosis.RootCause is RootCause.DisputeOpen or RootCause.PaymentBlockedRisk)
        {
            turn.Escalate($"{diagnosis.RootCause}: {diagnosis.RecommendedAction}.");
            return $"{diagnosis.Explanation}\n\n{LeeSays.HandingToPerson}";
        }

        if ((u.Confidence < ConfidenceFloor && u.Intent != Intent.BillingQuestion) || u.Intent == Intent.Other)
        {
            if (diagnosis.SelfServeEligible && u.Intent != Intent.Other)
            {
                return await FixFromDiagnosisAsync(turn, tools, ct);
            }

            if (turn.Conversation.Clarifications > 0)
            {
                turn.Escalate("Lee could not tell what the customer needs.");
                return LeeSays.HandingToPerson;
            }

            turn.Clarified = true;
            return LeeSays.Clarify(diagnosis);
        }

        return u.Intent switch
        {
            Intent.RetryPayment => await RetryAsync(turn, tools, ct),
            Intent.RefundRequest => await RefundAsync(turn, tools, ct),
            Intent.DuplicateCharge => diagnosis.RootCause == RootCause.DuplicateCharge
                ? await RefundDuplicateAsync(turn, tools, ct)
                : await RefundAsync(turn, tools, ct),
            Intent.CancelSubscription => await CancelAsync(turn, tools, ct),
            Intent.UpdateCard => await CardLinkAsync(turn, tools, LeeSays.CardLinkIntro(turn), ct),
            Intent.RefundStatus => LeeSays.RefundStatus(turn),
            Intent.Dispute => Escalated(turn, "The customer raised a dispute with their bank.", LeeSays.DisputeHandledByPeople),
            Intent.UnrecognizedCharge => LeeSays.RecentCharges(turn),
            Intent.UsageQuestion => await AnswerAsync(turn, tools, ct),
            Intent.AccessIssue => await AnswerAsync(turn, tools, ct, offerPerson: true),
            _ => diagnosis.SelfServeEligible || diagnosis.RootCause != RootCause.None
                ? await FixFromDiagnosisAsync(turn, tools, ct)
                : await AnswerAsync(turn, tools, ct),
        };
    }

    /// <summary>The same request again after Lee's answer did not settle it.</summary>
    private static bool IsRepeat(Turn turn)
    {
        var previous = turn.History.LastOrDefault(m => m.From == "customer");
        return previous is not null
            && previous.Intent == turn.Understanding.Intent
            && Requests.Contains(turn.Understanding.Intent)
            && turn.Conversation.State is ConversationState.Open or ConversationState.Answered;
    }

    /// <summary>What the diagnosis recommends, when the customer's words point at the problem it found.</summary>
    private static async Task<string> FixFromDiagnosisAsync(Turn turn, LeeTools tools, CancellationToken ct)
    {
        var diagnosis = turn.Diagnosis!;
        var intent = turn.Understanding.Intent;
        switch (diagnosis.RecommendedAction)
        {
            case "update_card":
                return await CardLinkAsync(turn, tools, diagnosis.Explanation, ct);
            case "contact_bank":
                return await CardLinkAsync(turn, tools, $"{diagnosis.Explanation}\n\n{LeeSays.OrUseAnotherCard}", ct);
            case "authenticate_payment" when OpenInvoice(turn) is { } invoice:
                return await LinkAsync(turn, tools, "authenticate_payment", new() { ["invoice_id"] = invoice.Id }, diagnosis.Explanation, ct);
            case "regenerate_link":
                return await RegenerateAsync(turn, tools, ct);
            case "retry_payment" when OpenInvoice(turn) is { } due:
                if (intent == Intent.PaymentLink)
                {
                    return await LinkAsync(turn, tools, "regenerate_link", new() { ["invoice_id"] = due.Id }, diagnosis.Explanation, ct);
                }

                turn.Offer = $"retry:{due.Id}";
                return $"{diagnosis.Explanation}\n\n{LeeSays.OfferRetry(due)}";
            case "refund_duplicate" when intent is Intent.RefundRequest or Intent.DuplicateCharge:
                return await RefundDuplicateAsync(turn, tools, ct);
            case "refund_duplicate":
                turn.Offer = "refund_duplicate";
                return $"{diagnosis.Explanation}\n\n{LeeSays.OfferDuplicateRefund}";
            default:
                return await AnswerAsync(turn, tools, ct);
        }
    }

    private static async Task<string> AcceptOfferAsync(Turn turn, LeeTools tools, string offer, CancellationToken ct)
    {
        if (offer.StartsWith("retry:", StringComparison.Ordinal))
        {
            return await RetryAsync(turn, tools, ct, offer["retry:".Length..]);
        }

        if (offer == "refund_duplicate")
        {
            return await RefundDuplicateAsync(turn, tools, ct);
        }

        if (offer.StartsWith("cancel:", StringComparison.Ordinal))
        {
            return await CancelAsync(turn, tools, ct, offer["cancel:".Length..]);
        }

        if (offer == "person")
        {
            return Escalated(turn, "The customer accepted a person's help.", LeeSays.HandingToPerson);
        }

        return LeeSays.AllSet;
    }

    private static async Task<string> RetryAsync(Turn turn, LeeTools tools, CancellationToken ct, string? invoiceId = null)
    {
        var invoice = invoiceId is null ? OpenInvoice(turn) : turn.Billing!.Invoices.FirstOrDefault(i => i.Id == invoiceId);
        if (invoice is null || invoice.Status != "open")
        {
            return LeeSays.NothingOutstanding(turn);
        }

        var action = turn.Diagnosis?.RecommendedAction;
        if (action is "update_card" or "authenticate_payment" or "regenerate_link")
        {
            // A retry cannot succeed without the customer (dead card, bank verification): hand the fix instead.
            return await FixFromDiagnosisAsync(turn, tools, ct);
        }

        await tools.InvokeAsync("retry_payment", new Dictionary<string, object?> { ["invoice_id"] = invoice.Id }, ct);
        var outcome = turn.Outcomes[^1];
        if (outcome.Succeeded)
        {
            return LeeSays.RetrySucceeded(turn, invoice, outcome);
        }

        if (!outcome.Allowed)
        {
            return Denied(turn, outcome);
        }

        return await CardLinkAsync(turn, tools, LeeSays.RetryDeclined(outcome), ct);
    }

    private static async Task<string> RefundDuplicateAsync(Turn turn, LeeTools tools, CancellationToken ct)
    {
        var finding = turn.Diagnosis?.Findings.FirstOrDefault(f => f.RootCause == RootCause.DuplicateCharge);
        var chargeId = finding?.Facts.GetValueOrDefault("refund_charge") ?? finding?.ObjectIds.LastOrDefault(id => id.StartsWith("ch_", StringComparison.Ordinal));
        var charge = turn.Billing!.Charges.FirstOrDefault(c => c.Id == chargeId);
        if (charge is null)
        {
            return await RefundAsync(turn, tools, ct);
        }

        return await RefundChargeAsync(turn, tools, charge, "duplicate", ct);
    }

    private static async Task<string> RefundAsync(Turn turn, LeeTools tools, CancellationToken ct)
    {
        if (turn.Diagnosis?.RootCause == RootCause.RefundInProgress && turn.Understanding.Entities.Amounts.Count == 0)
        {
            return LeeSays.RefundStatus(turn);
        }

        var candidates = ChargeFinder.Find(turn);
        if (candidates.Count == 1 || (candidates.Count > 1 && turn.Understanding.Entities.Amounts.Count > 0))
        {
            var charge = candidates[0];
            var invoice = turn.Billing!.InvoiceOf(charge) is { } invoiceId ? turn.Billing.Invoices.FirstOrDefault(i => i.Id == invoiceId) : null;
            if (invoice?.SubscriptionIdOf() is not null || turn.Diagnosis?.RootCause == RootCause.UsageSpike)
            {
                // Refunding a subscription period or disputed usage that was not charged twice is a judgement call: a person makes it.
                turn.Escalate($"Refund requested for {charge.Id}, a charge for an invoice: a person reviews those.");
                return $"{LeeSays.InvoiceRefundNeedsPerson(charge)}\n\n{LeeSays.HandingToPerson}";
            }

            return await RefundChargeAsync(turn, tools, charge, "requested_by_customer", ct);
        }

        if (turn.Conversation.Clarifications > 0)
        {
            turn.Escalate("Lee could not tell which charge the customer wants refunded.");
            return LeeSays.HandingToPerson;
        }

        turn.Clarified = true;
        return LeeSays.WhichCharge(turn);
    }

    private static async Task<string> RefundChargeAsync(Turn turn, LeeTools tools, Charge charge, string reason, CancellationToken ct)
    {
        await tools.InvokeAsync("refund_charge", new Dictionary<string, object?> { ["charge_id"] = charge.Id, ["amount"] = null, ["reason"] = reason }, ct);
        var outcome = turn.Outcomes[^1];
        return outcome.Succeeded ? LeeSays.Refunded(charge, outcome) : Denied(turn, outcome);
    }

    private static async Task<string> CancelAsync(Turn turn, LeeTools tools, CancellationToken ct, string? subscriptionId = null)
    {
        var live = turn.Billing!.Subscriptions.Where(s => s.Status is "active" or "trialing" or "past_due").ToList();
        var subscription = subscriptionId is not null
            ? live.FirstOrDefault(s => s.Id == subscriptionId)
            : live.Count == 1 ? live[0] : live.FirstOrDefault(s => turn.Understanding.Entities.ObjectIds.Contains(s.Id));
        if (subscription is null)
        {
            return live.Count == 0 ? LeeSays.NoSubscription : LeeSays.WhichSubscription;
        }

        if (subscription.CancelAtPeriodEnd)
        {
            return LeeSays.AlreadyCancelling(subscription);
        }

        if (subscriptionId is null && Hesitant().IsMatch(turn.Message))
        {
            turn.Offer = $"cancel:{subscription.Id}";
            return LeeSays.OfferCancel(subscription);
        }

        await tools.InvokeAsync("cancel_subscription", new Dictionary<string, object?> { ["subscription_id"] = subscription.Id }, ct);
        var outcome = turn.Outcomes[^1];
        return outcome.Succeeded ? LeeSays.Cancelled(subscription) : Denied(turn, outcome);
    }

    private static async Task<string> RegenerateAsync(Turn turn, LeeTools tools, CancellationToken ct)
    {
        var finding = turn.Diagnosis?.Findings.FirstOrDefault(f => f.RootCause == RootCause.PaymentLinkExpired);
        var session = finding?.ObjectIds.FirstOrDefault(id => id.StartsWith("cs_", StringComparison.Ordinal));
        var invoice = session is null ? finding?.ObjectIds.FirstOrDefault(id => id.StartsWith("in_", StringComparison.Ordinal)) ?? OpenInvoice(turn)?.Id : null;
        return await LinkAsync(
            turn,
            tools,
            "regenerate_link",
            new() { ["checkout_session_id"] = session, ["invoice_id"] = invoice },
            turn.Diagnosis?.Explanation ?? "",
            ct);
    }

    private static Task<string> CardLinkAsync(Turn turn, LeeTools tools, string intro, CancellationToken ct) =>
        LinkAsync(turn, tools, "card_update_link", [], intro, ct);

    private static async Task<string> LinkAsync(Turn turn, LeeTools tools, string tool, Dictionary<string, object?> arguments, string intro, CancellationToken ct)
    {
        await tools.InvokeAsync(tool, arguments, ct);
        var outcome = turn.Outcomes[^1];
        return outcome.Succeeded && outcome.Result?.Url is { } url
            ? LeeSays.HereIsYourLink(intro, tool, url)
            : Denied(turn, outcome);
    }

    private static async Task<string> AnswerAsync(Turn turn, LeeTools tools, CancellationToken ct, bool offerPerson = false)
    {
        await tools.InvokeAsync("search_knowledge", new Dictionary<string, object?> { ["query"] = turn.Message }, ct);
        if (offerPerson)
        {
            turn.Offer = "person";
        }

        return LeeSays.Answer(turn, offerPerson);
    }

    /// <summary>A refusal or a failure: where a person could grant or fix it, hand over; where nobody may, explain.</summary>
    private static string Denied(Turn turn, GateOutcome outcome)
    {
        if (outcome.HumanCanGrant || outcome.Allowed)
        {
            turn.Escalate($"{outcome.Action} refused by policy ({outcome.Rule}): {outcome.Message}");
            return $"{LeeSays.CannotDoThisMyself(outcome)}\n\n{LeeSays.HandingToPerson}";
        }

        return LeeSays.NotPossible(outcome);
    }

    private static string Escalated(Turn turn, string reason, string reply)
    {
        turn.Escalate(reason);
        return reply;
    }

    /// <summary>The open invoice the diagnosis points at, else the customer's most recent open one.</summary>
    private static Invoice? OpenInvoice(Turn turn)
    {
        var fromFinding = turn.Diagnosis?.Primary?.ObjectIds.FirstOrDefault(id => id.StartsWith("in_", StringComparison.Ordinal));
        var open = turn.Billing!.OpenInvoices().Where(i => i.Owed() > 0).ToList();
        return open.FirstOrDefault(i => i.Id == fromFinding) ?? open.FirstOrDefault();
    }

    [GeneratedRegex(@"\b(thinking|think about|considering|how (do|can|would) i|what happens|should i|maybe|peut-être|vielleicht|quizás|tal vez)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Hesitant();
}
