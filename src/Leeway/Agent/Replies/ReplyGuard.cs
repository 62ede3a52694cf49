using System.Globalization;
using System.Text.RegularExpressions;
using Leeway.Agent.Brain;
using Leeway.Agent.Tools;

namespace Leeway.Agent.Replies;

/// <summary>
/// Checks every reply before it is sent: no object id, email, amount or link that is not the customer's own, and no
/// internal names (policy file, prompts, tools). A reply that fails is replaced, never sent.
/// </summary>
public sealed partial class ReplyGuard(ILogger<ReplyGuard> logger)
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
            var minor = (long)Math.Round(decimal.Parse(amount.Groups["n"].Value.Replace(",", ""), CultureInfo.InvariantCulture) * 100);
            if (!amounts.Contains(minor))
            {
                return $"an amount that is not from the customer's account ({amount.Value})";
            }
        }

        return null;
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
                amounts.Add((long)Math.Round(decimal.Parse(amount.Groups["n"].Value.Replace(",", ""), CultureInfo.InvariantCulture) * 100));
            }
        }

        return amounts;
    }

    [GeneratedRegex(@"https?://[^\s]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"\b(?:cus|in|ch|pi|sub|re|dp|cs|cs_test|pm|price|prod|si|il|evt|cbtxn|bps|txn|inpay|seti|card)_[A-Za-z0-9_]+")]
    private static partial Regex ObjectId();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?:[$€£¥]|CA\$|A\$|CHF )(?<n>\d[\d,]*(?:\.\d{1,2})?)|(?<n>\d[\d,]*\.\d{2})(?= ?[A-Z]{3}\b)")]
    private static partial Regex Amount();
}
