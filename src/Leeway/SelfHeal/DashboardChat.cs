using Dapper;
using Leeway.Agent.Conversations;
using Leeway.Storage;

namespace Leeway.SelfHeal;

/// <summary>The one conversation with Lee that the customer's page shows, started on the first message.</summary>
internal sealed class DashboardChat(Database database, ConversationStore conversations)
{
    public const string Channel = "dashboard";

    public async Task<Conversation?> FindAsync(string customerId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var id = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT conversation_id FROM selfheal_chats WHERE customer_id = @customerId",
            new { customerId },
            cancellationToken: ct));
        return id is null ? null : await conversations.GetAsync(id, customerId, ct);
    }

    public async Task<Conversation> GetOrStartAsync(string customerId, CancellationToken ct)
    {
        if (await FindAsync(customerId, ct) is { } existing)
        {
            return existing;
        }

        var started = await conversations.StartAsync(customerId, Channel, ct);
        await using (var connection = await database.OpenAsync(ct))
        {
            // Two first messages at once: one mapping wins and both use it (the loser's conversation stays empty).
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO selfheal_chats (customer_id, conversation_id) VALUES (@customerId, @id) ON CONFLICT (customer_id) DO NOTHING",
                new { customerId, id = started.Id },
                cancellationToken: ct));
        }

        return await FindAsync(customerId, ct) ?? started;
    }

    /// <summary>A new conversation for the page, replacing the old one (whose case a person closed).</summary>
    public async Task<Conversation> RestartAsync(string customerId, CancellationToken ct)
    {
        var started = await conversations.StartAsync(customerId, Channel, ct);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE selfheal_chats SET conversation_id = @id WHERE customer_id = @customerId",
            new { customerId, id = started.Id },
            cancellationToken: ct));
        return started;
    }
}
