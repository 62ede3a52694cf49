using System.Globalization;
using System.Text.RegularExpressions;
using Leeway.Agent.Brain;
using Leeway.Agent.Tools;

namespace Leeway.Agent.Replies;

/// <summary>
/// Checks every reply before it is sent: no object id, email, amount or link that is not the customer's own, and no
/// internal names (policy file, prompts, tools). A reply that fails is replaced, never sent.
/// </summary>
internal sealed partial class ReplyGuard(ILogger<ReplyGuard> logger)
{
    private static readonly string[] InternalTerms = ["policy.yaml", "system prompt", "tool call", "function call", "idempotency", "audit log", .. LeeTools.GatedTools];

    /// <returns>The reply if it is safe to send; else <see cref="LeeSays.Withheld"/> in the customer's language.</returns>
    public string Check(string reply, Turn turn)
    {
        if (Problem(reply, turn) is { } problem)
        {
            logger.LogWarning("Reply withheld in {Conversation}: {Problem}", turn.Conversation.Id, problem);
            return turn.Says.Withheld;
        }

        if (RawCodes(reply) is { Count: > 0 } codes)
        {
            // The customer's own, so not withheld; but a customer should read names and numbers, not codes.
            logger.LogWarning("Reply in {Conversation} holds internal codes: {Codes}", turn.Conversation.Id, string.Join(", ", codes));
        }

        return reply;
    }

    public static string? Problem(string reply, Turn turn)
    {
        foreach (var term in InternalTerms)
        {
            if (reply.Contains(term, StringComparison.OrdinalIgnoreCase))
            {
                return $"internal term '{term}'";
            }
        }

        var issued = turn.Links.Select(l => l.Url).ToHashSet(StringComparer.Ordinal);
        foreach (Match url in Url().Matches(reply))
        {
            if (!issued.Contains(url.Value.TrimEnd('.', ',', ')')))
            {
                return $"a link that was not issued for this customer ({url.Value})";
            }
        }

        var text = Url().Replace(reply, " ");
        var billing = turn.Billing;
        var own = billing is null ? new HashSet<string>() : ForeignReferences.OwnIds(billing);
        own.UnionWith(turn.Outcomes.Select(o => o.Result?.ObjectId).OfType<string>());
        foreach (Match id in ObjectId().Matches(text))
        {
            if (!own.Contains(id.Value))
            {
                return $"an object id that is not the customer's ({id.Value})";
            }
        }

        foreach (Match email in Email().Matches(text))
        {
            if (!string.Equals(email.Value, billing?.Customer.Email, StringComparison.OrdinalIgnoreCase))
            {
                return $"an email that is not the customer's ({email.Value})";
            }
        }

        var amounts = KnownAmounts(turn);
        foreach (Match amount in Amount().Matches(text))
        {
            if (!MinorUnitsOf(amount.Groups["n"].Value).Any(amounts.Contains))
            {
                return $"an amount that is not from the customer's account ({amount.Value})";
            }
        }

        return null;
    }

    /// <summary>
    /// Stripe object ids and raw codes (<c>in_…</c>, <c>api_calls</c>, <c>insufficient_funds</c>) a reply holds outside its
    /// links and email addresses: what a customer should never have to read.
    /// </summary>
    public static IReadOnlyList<string> RawCodes(string reply)
    {
        var text = Email().Replace(RelativeLink().Replace(Url().Replace(reply, " "), " "), " ");
        return ObjectId().Matches(text).Concat(SnakeCode().Matches(text)).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every amount the customer's own billing, Lee's actions this turn, or the customer's own words hold.</summary>
    private static HashSet<long> KnownAmounts(Turn turn)
    {
        var amounts = new HashSet<long>();
        if (turn.Billing is { } b)
        {
            amounts.UnionWith(b.Charges.SelectMany(c => new[] { c.Amount, c.AmountRefunded, c.Amount - c.AmountRefunded }));
            amounts.UnionWith(b.Invoices.SelectMany(i => new[] { i.AmountDue, i.AmountPaid, i.AmountRemaining, i.Total }));
            amounts.UnionWith(b.Refunds.Select(r => r.Amount));
            amounts.UnionWith(b.Disputes.Select(d => d.Amount));
            amounts.UnionWith(b.CheckoutSessions.Select(s => s.AmountTotal ?? 0));
            amounts.UnionWith(b.PaymentIntents.Select(p => p.Amount));
            foreach (var subscription in b.Subscriptions)
            {
                var items = subscription.Items?.Data ?? [];
                amounts.UnionWith(items.Select(i => i.Price?.UnitAmount ?? 0));
                amounts.Add(items.Sum(i => (i.Price?.UnitAmount ?? 0) * Math.Max(1, i.Quantity)));
            }

            amounts.Add(Math.Abs(b.Customer.Balance));
        }

        amounts.UnionWith(turn.Outcomes.Select(o => o.Result?.Amount).OfType<long>());
        amounts.UnionWith(turn.Understanding.Entities.Amounts.Select(a => a.Amount));
        if (turn.Diagnosis is { } d)
        {
            foreach (var fact in d.Findings.SelectMany(f => f.Facts.Values))
            {
                if (long.TryParse(fact, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    amounts.Add(n);
                }
            }

            foreach (Match amount in Amount().Matches(d.Explanation))
            {
                amounts.UnionWith(MinorUnitsOf(amount.Groups["n"].Value));
            }
        }

        return amounts;
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?:cus|in|ch|pi|sub|re|dp|cs|cs_test|pm|price|prod|si|il|evt|cbtxn|bps|txn|inpay|seti|card)_[A-Za-z0-9_]+")]
    private static partial Regex ObjectId();

    [GeneratedRegex(@"(?<![\w/])/[a-z][^\s]*")]
    private static partial Regex RelativeLink();

    [GeneratedRegex(@"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")]
    private static partial Regex SnakeCode();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    /// <summary>
    /// The amount a money mention can stand for, in minor units, whatever culture wrote it: <c>$1,234.50</c>,
    /// <c>1.234,50 €</c>, <c>1 234,50 €</c> (a narrow no-break space), <c>R$ 15,00</c>, <c>¥500</c>. The last <c>.</c> or
    /// <c>,</c> followed by one or two digits is the decimal mark; any other separator groups thousands. The currency's
    /// decimals are not known here, so both readings of a whole number count (¥500 is 500; $500 is 50000).
    /// </summary>
    internal static IEnumerable<long> MinorUnitsOf(string number)
    {
        var mark = number.LastIndexOfAny(['.', ',']);
        var decimals = mark >= 0 && number.Length - mark - 1 is 1 or 2 ? number[(mark + 1)..] : "";
        var whole = new string((decimals.Length > 0 ? number[..mark] : number).Where(char.IsAsciiDigit).ToArray());
        if (!decimal.TryParse(whole.Length == 0 ? "0" : whole, NumberStyles.None, CultureInfo.InvariantCulture, out var major))
        {
            yield break;
        }

        var value = major + (decimals.Length == 0 ? 0 : decimal.Parse(decimals, CultureInfo.InvariantCulture) / (decimals.Length == 1 ? 10 : 100));
        yield return (long)Math.Round(value * 100);
        if (decimals.Length == 0)
        {
            yield return (long)major;
            yield return (long)major * 1000;
        }
    }

    // A number written with a currency symbol or ISO code before or after it, with or without a (no-break) space; the
    // number takes any culture's separators: "," "." and the no-break spaces that group thousands.
    private const string Number = @"\d{1,3}(?:[.,\u00A0\u202F]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?";
    private const string Currency = @"(?:[A-Z]{1,3})?[$€£¥₹₩₪]|\b(?:USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|BRL|MXN|INR|SGD|HKD)\b";

    [GeneratedRegex(@"(?:" + Currency + @")[\u00A0\u202F ]?(?<n>" + Number + @")|(?<![\d.,])(?<n>" + Number + @")[\u00A0\u202F ]?(?:(?:[A-Z]{1,3})?[$€£¥₹₩₪]|\b[A-Z]{3}\b)")]
    private static partial Regex Amount();
}
