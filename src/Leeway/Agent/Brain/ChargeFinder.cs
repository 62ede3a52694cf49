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

        var refundable = OnNamedDates(billing.Charges.Where(c => c.Status == "succeeded" && c.AmountRefunded < c.Amount), turn).ToList();
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

    /// <summary>
    /// The charge the customer named (by id, or by amount and, if given, date) when it is already refunded in full and
    /// no charge they could mean is still refundable: Lee says so and refunds nothing else.
    /// </summary>
    public static Charge? AlreadyRefunded(Turn turn)
    {
        var billing = turn.Billing;
        if (billing is null)
        {
            return null;
        }

        var entities = turn.Understanding.Entities;
        var amounts = entities.Amounts.Select(a => a.Amount).ToHashSet();
        var refunded = OnNamedDates(billing.Charges.Where(c => c.AmountRefunded >= c.Amount && c.Amount > 0), turn)
            .Where(c => entities.ObjectIds.Contains(c.Id) || amounts.Contains(c.Amount))
            .OrderByDescending(c => c.Created)
            .FirstOrDefault();
        return refunded is not null && Find(turn).Count == 0 ? refunded : null;
    }

    /// <summary>When the message names dates, only charges made on one of them (a day either side, for time zones).</summary>
    private static IEnumerable<Charge> OnNamedDates(IEnumerable<Charge> charges, Turn turn)
    {
        var dates = turn.Understanding.Entities.Dates;
        var list = charges.ToList();
        if (dates.Count == 0)
        {
            return list;
        }

        bool OnADate(Charge c) => dates.Any(d => Math.Abs(DateOnly.FromDateTime(c.Created).DayNumber - d.DayNumber) <= 1);

        // A date that fits none of the customer's charges ("I noticed it yesterday") does not narrow anything.
        return turn.Billing!.Charges.Any(OnADate) ? list.Where(OnADate) : list;
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
