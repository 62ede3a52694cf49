using Leeway.Billing;

namespace Leeway.Humans.Console;

/// <summary>One line of the customer's billing history on the case page, newest first; an earlier conversation carries what was said.</summary>
internal sealed record TimelineItem(DateTimeOffset At, string Kind, string Text, string? Status, string? Link, IReadOnlyList<TranscriptLine>? Messages = null);

/// <summary>
/// The customer's billing history as a person reads it beside the case: invoices, payments, refunds, disputes,
/// subscription changes and cards from Stripe, the customer's earlier cases from the desk, and their earlier
/// conversations with Lee that no case holds (a question answered, a fix made by a link), with what was said.
/// </summary>
internal static class CustomerTimeline
{
    /// <summary>How many of the customer's conversations the case page reads (newest first).</summary>
    public const int ConversationsShown = 20;

    private const int QuoteLength = 90;

    public static IReadOnlyList<TimelineItem> Build(BillingSnapshot? billing, IReadOnlyList<Case> cases, string currentCaseId, IReadOnlyList<EarlierConversation>? conversations = null)
    {
        var items = new List<TimelineItem>();
        if (billing is not null)
        {
            foreach (var invoice in billing.Invoices)
            {
                var amount = invoice.Status == "paid" ? invoice.AmountPaid : invoice.AmountDue;
                items.Add(new TimelineItem(invoice.Created, "Invoice", $"{invoice.Number ?? "Invoice"} · {Money.Format(amount, invoice.Currency)}", invoice.Status, invoice.HostedInvoiceUrl));
            }

            foreach (var charge in billing.Charges)
            {
                var card = charge.PaymentMethodDetails?.Card is { } c ? $" · {c.Brand} ···{c.Last4}" : "";
                var failure = charge.Status == "failed" && charge.FailureMessage is { Length: > 0 } m ? $" · {m}" : "";
                items.Add(new TimelineItem(charge.Created, "Payment", $"{Money.Format(charge.Amount, charge.Currency)}{card}{failure}", charge.Status, null));
            }

            foreach (var refund in billing.Refunds)
            {
                items.Add(new TimelineItem(refund.Created, "Refund", $"{Money.Format(refund.Amount, refund.Currency)}{(refund.Reason is { Length: > 0 } r ? $" · {r.Replace('_', ' ')}" : "")}", refund.Status, null));
            }

            foreach (var dispute in billing.Disputes)
            {
                items.Add(new TimelineItem(dispute.Created, "Dispute", $"{Money.Format(dispute.Amount, dispute.Currency)} · {dispute.Reason?.Replace('_', ' ')}", dispute.Status?.Replace('_', ' '), null));
            }

            foreach (var subscription in billing.Subscriptions)
            {
                var price = subscription.Items?.Data?.FirstOrDefault()?.Price;
                var plan = price is { UnitAmount: { } unit } ? $"{Money.Format(unit, price.Currency)}{(price.Recurring?.Interval is { } i ? $" a {i}" : "")}" : "Subscription";
                var ends = subscription.CancelAtPeriodEnd && subscription.Items?.Data?.FirstOrDefault()?.CurrentPeriodEnd is { } end
                    ? $" · cancels {end:MMM d, yyyy}"
                    : subscription.CanceledAt is { } canceled ? $" · cancelled {canceled:MMM d, yyyy}" : "";
                items.Add(new TimelineItem(subscription.Created, "Subscription", $"{plan}{ends}", subscription.Status?.Replace('_', ' '), null));
            }

            foreach (var card in billing.PaymentMethods)
            {
                if (card.Card is { } details)
                {
                    var isDefault = card.Id == billing.DefaultPaymentMethod?.Id ? " · default" : "";
                    items.Add(new TimelineItem(card.Created, "Card", $"{details.Brand} ···{details.Last4}, expires {details.ExpMonth:D2}/{details.ExpYear}{isDefault}", null, null));
                }
            }
        }

        foreach (var earlier in cases.Where(c => c.Id != currentCaseId))
        {
            var lines = earlier.Packet.Transcript.Count;
            items.Add(new TimelineItem(
                earlier.CreatedAt,
                "Case",
                $"{earlier.Reason}{(lines > 0 ? $" · conversation of {lines} messages" : "")}{(earlier.Resolution is { } r ? $" · {r}" : "")}",
                CaseStatus.Label(earlier.State).ToLowerInvariant(),
                $"/console/cases/{Uri.EscapeDataString(earlier.Id)}"));
        }

        // A conversation a case holds is read on that case (its link above); the rest would otherwise be lost to the team.
        var current = cases.FirstOrDefault(c => c.Id == currentCaseId);
        foreach (var conversation in conversations ?? [])
        {
            if (conversation.Messages.Count == 0
                || conversation.Id == current?.Packet.ConversationId
                || (conversation.CaseId is { } held && cases.Any(c => c.Id == held))
                || cases.Any(c => c.Packet.ConversationId == conversation.Id))
            {
                continue;
            }

            var opening = conversation.Messages.FirstOrDefault(m => m.From == "customer")?.Text ?? conversation.Messages[0].Text;
            items.Add(new TimelineItem(
                conversation.StartedAt,
                "Conversation",
                $"{Where(conversation.Channel)} · “{Quote(opening)}” · {conversation.Messages.Count} messages",
                State(conversation.State),
                null,
                conversation.Messages));
        }

        return items.OrderByDescending(i => i.At).ToList();
    }

    private static string Where(string channel) => channel switch
    {
        "dashboard" => "On the billing page with Lee",
        "chat" => "Chat with Lee",
        "email" => "E-mail with Lee",
        _ => $"With Lee ({channel})",
    };

    private static string State(string state) => state switch
    {
        "self_serve" => "fixed by the customer",
        "escalated" => "handed to a person",
        _ => state.Replace('_', ' '),
    };

    private static string Quote(string text)
    {
        var line = string.Join(' ', text.Split((char[])['\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= QuoteLength ? line : $"{line[..(QuoteLength - 1)].TrimEnd()}…";
    }
}
