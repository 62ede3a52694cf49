namespace Leeway.Agent.Conversations;

/// <summary>
/// The language a customer last wrote to Lee in (en, es, de, fr, pt, it), read again from their newest conversation's
/// stored messages the way Lee read it when it answered (<see cref="AgentLee.ReplyLanguage"/>): Tier 0 writes a nudge
/// in it when Stripe has no preferred language for the customer.
/// </summary>
internal sealed class ConversationLanguage(ConversationStore conversations)
{
    /// <summary>Conversations looked at, newest first: one the customer opened without writing has no language.</summary>
    private const int Recent = 5;

    /// <summary>The language of the customer's last message to Lee; null when they never wrote to Lee.</summary>
    public async Task<string?> LastAsync(string customerId, CancellationToken ct)
    {
        var latest = await conversations.ListForCustomerAsync(customerId, Recent, ct);
        if (latest.Count == 0)
        {
            return null;
        }

        var messages = await conversations.MessagesOfAsync(latest.Select(c => c.Id).ToList(), ct);
        foreach (var conversation in latest)
        {
            var all = messages[conversation.Id].ToList();
            var last = all.FindLastIndex(m => m.From == AgentLee.Customer);
            if (last >= 0)
            {
                return AgentLee.ReplyLanguage(all[last].Text, all.Take(last).ToList());
            }
        }

        return null;
    }
}
