using Leeway.Agent.Understanding;
using Stripe;

namespace Leeway.Agent.Brain;

/// <summary>Which of the customer's own charges a refund request is about, from what the message says.</summary>
internal static class ChargeFinder
{
    /// <summary>Candidates in order of fit; empty when nothing the customer owns fits. One candidate means no doubt.</summary>
    public static IReadOnlyList<Charge> Find(Turn turn)
    {
        var billing = turn.Billing;
        if (billing is null)
        {
            return [];
        }

        var refundable = billing.Charges.Where(c => c.Status == "succeeded" && c.AmountRefunded < c.Amount).ToList();
        var named = refundable.Where(c => turn.Understanding.Entities.ObjectIds.Contains(c.Id)).ToList();
        if (named.Count > 0)
        {
            return named;
        }

        var amounts = turn.Understanding.Entities.Amounts.Select(a => a.Amount).ToHashSet();
        var byAmount = refundable.Where(c => amounts.Contains(c.Amount) || amounts.Contains(c.Amount - c.AmountRefunded)).ToList();
        if (byAmount.Count > 0)
        {
            return Rank(byAmount, turn);
        }

        if (amounts.Count > 0)
        {
            // An amount was named and no charge has it: guessing another charge would refund the wrong thing.
            return [];
        }

        var byWords = refundable.Where(c => Overlap(c.Description, turn.Message) > 0).ToList();
        if (byWords.Count > 0)
        {
            return Rank(byWords, turn);
        }

        // Nothing named: a single recent one-off purchase is what "refund it" usually means.
        var recentOneOff = refundable.Where(c => billing.InvoiceOf(c) is null && c.Created >= turn.Conversation.CreatedAt.UtcDateTime.AddDays(-30)).ToList();
        return recentOneOff.Count == 1 ? recentOneOff : Rank(refundable, turn).Take(3).ToList() is { Count: 1 } single ? single : [];
    }

    private static List<Charge> Rank(IEnumerable<Charge> charges, Turn turn) =>
        charges.OrderByDescending(c => Overlap(c.Description, turn.Message))
            .ThenBy(c => turn.Billing!.InvoiceOf(c) is null ? 0 : 1)
            .ThenByDescending(c => c.Created)
            .ToList();

    private static int Overlap(string? description, string message)
    {
        if (string.IsNullOrWhiteSpace(description))
        {
            return 0;
        }

        static HashSet<string> Words(string text) => text.ToLowerInvariant()
            .Split([' ', ',', '.', '(', ')', '-', '!', '?', ':', ';', '\'', '"', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && !StopWords.Contains(w))
            .ToHashSet();

        var mine = Words(message);
        return Words(description).Count(mine.Contains);
    }

    private static readonly HashSet<string> StopWords = ["the", "and", "for", "one", "time", "one-time", "month", "off", "you", "your", "get", "back", "can", "could"];
}
