using Leeway.Humans;

namespace Leeway.Agent.Conversations;

/// <summary>The customer's conversations with Lee, for the people who pick up their cases (<see cref="ICustomerConversations"/>).</summary>
internal sealed class CustomerConversations(ConversationStore conversations) : ICustomerConversations
{
    public async Task<IReadOnlyList<EarlierConversation>> ListAsync(string customerId, int max, CancellationToken ct)
    {
        var listed = await conversations.ListForCustomerAsync(customerId, max, ct);
        var messages = await conversations.MessagesOfAsync(listed.Select(c => c.Id).ToList(), ct);
        return listed.Select(conversation => new EarlierConversation(
            conversation.Id,
            conversation.Channel,
            conversation.State,
            conversation.CreatedAt,
            conversation.CaseId,
            messages[conversation.Id].Select(m => new TranscriptLine(m.From, m.Text, m.At)).ToList())).ToList();
    }

    public async Task<CaseConversation?> GetAsync(string customerId, string conversationId, CancellationToken ct)
    {
        if (await conversations.GetAsync(conversationId, customerId, ct) is not { } conversation)
        {
            return null;
        }

        var messages = await conversations.MessagesAsync(conversation.Id, ct);
        return new CaseConversation(
            conversation.CreatedAt,
            messages.Select(m => new TranscriptLine(m.From, m.Text, m.At)).ToList(),
            await conversations.ActionsAsync(conversation.Id, ct));
    }
}
