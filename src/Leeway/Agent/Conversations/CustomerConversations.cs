using Leeway.Humans;

namespace Leeway.Agent.Conversations;

/// <summary>The customer's conversations with Lee, for the people who pick up their cases (<see cref="ICustomerConversations"/>).</summary>
internal sealed class CustomerConversations(ConversationStore conversations) : ICustomerConversations
{
    public async Task<IReadOnlyList<EarlierConversation>> ListAsync(string customerId, int max, CancellationToken ct)
    {
        var earlier = new List<EarlierConversation>();
        foreach (var conversation in await conversations.ListForCustomerAsync(customerId, max, ct))
        {
            var messages = await conversations.MessagesAsync(conversation.Id, ct);
            earlier.Add(new EarlierConversation(
                conversation.Id,
                conversation.Channel,
                conversation.State,
                conversation.CreatedAt,
                conversation.CaseId,
                messages.Select(m => new TranscriptLine(m.From, m.Text, m.At)).ToList()));
        }

        return earlier;
    }
}
