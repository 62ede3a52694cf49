using System.Text.Json;
using Dapper;
using Leeway.Policy;
using Leeway.Storage;
using Microsoft.Extensions.Logging;

namespace Leeway.Agent.Conversations;

/// <summary>Conversations and their messages. Reads take the customer id, so one customer can never load another's.</summary>
internal sealed class ConversationStore(Database database, IdGenerator ids, TimeProvider time, ILogger<ConversationStore> logger)
{
    public async Task<Conversation> StartAsync(string customerId, string channel, CancellationToken ct)
    {
        var conversation = new Conversation(ids.NewId("conv"), customerId, channel, ConversationState.Open, time.GetUtcNow(), 0, null, []);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO conversations (id, customer_id, channel, state, created_at, clarifications) VALUES (@Id, @CustomerId, @Channel, @State, @CreatedAt, 0)",
            new { conversation.Id, conversation.CustomerId, conversation.Channel, conversation.State, CreatedAt = conversation.CreatedAt.ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        return conversation;
    }

    /// <summary>The conversation, only if it belongs to <paramref name="customerId"/>.</summary>
    public async Task<Conversation?> GetAsync(string conversationId, string customerId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ConversationRow>(new CommandDefinition(
            "SELECT id, customer_id AS CustomerId, channel, state, created_at AS CreatedAt, clarifications, case_id AS CaseId, pending_offer AS PendingOffer FROM conversations WHERE id = @conversationId AND customer_id = @customerId",
            new { conversationId, customerId },
            cancellationToken: ct));
        return row is null ? null : ToConversation(row);
    }

    /// <summary>The customer's conversations, newest first, at most <paramref name="max"/>.</summary>
    public async Task<IReadOnlyList<Conversation>> ListForCustomerAsync(string customerId, int max, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ConversationRow>(new CommandDefinition(
            "SELECT id, customer_id AS CustomerId, channel, state, created_at AS CreatedAt, clarifications, case_id AS CaseId, pending_offer AS PendingOffer FROM conversations WHERE customer_id = @customerId ORDER BY created_at DESC, id DESC LIMIT @max",
            new { customerId, max },
            cancellationToken: ct));
        return rows.Select(ToConversation).ToList();
    }

    public async Task<IReadOnlyList<ConversationMessage>> MessagesAsync(string conversationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<MessageRow>(new CommandDefinition(
            "SELECT conversation_id AS ConversationId, seq, sender, text, at, intent, confidence FROM conversation_messages WHERE conversation_id = @conversationId ORDER BY seq",
            new { conversationId },
            cancellationToken: ct));
        return rows.Select(r => r.ToMessage()).ToList();
    }

    /// <summary>The messages of several conversations in one read, by conversation, each in order.</summary>
    public async Task<ILookup<string, ConversationMessage>> MessagesOfAsync(IReadOnlyCollection<string> conversationIds, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<MessageRow>(new CommandDefinition(
            $"SELECT conversation_id AS ConversationId, seq, sender, text, at, intent, confidence FROM conversation_messages WHERE {database.Dialect.AnyOf("conversation_id", "@Ids")} ORDER BY conversation_id, seq",
            new { Ids = conversationIds.ToArray() },
            cancellationToken: ct));
        return rows.ToLookup(r => r.ConversationId, r => r.ToMessage(), StringComparer.Ordinal);
    }

    public async Task AppendAsync(string conversationId, string from, string text, string? intent, double? confidence, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO conversation_messages (conversation_id, seq, sender, text, at, intent, confidence)
            VALUES (@conversationId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM conversation_messages WHERE conversation_id = @conversationId), @from, @text, @at, @intent, @confidence)
            """,
            new { conversationId, from, text, at = time.GetUtcNow().ToUnixTimeMilliseconds(), intent, confidence },
            cancellationToken: ct));
    }

    /// <summary>Keeps every action Lee tried, with its policy decision, for the handoff packet.</summary>
    public async Task RecordActionsAsync(string conversationId, int turn, IEnumerable<GateOutcome> outcomes, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        foreach (var outcome in outcomes)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO conversation_actions (conversation_id, turn, at, outcome) VALUES (@conversationId, @turn, @at, @outcome)",
                new { conversationId, turn, at = time.GetUtcNow().ToUnixTimeMilliseconds(), outcome = JsonSerializer.Serialize(outcome) },
                cancellationToken: ct));
        }
    }

    public async Task<IReadOnlyList<GateOutcome>> ActionsAsync(string conversationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT outcome FROM conversation_actions WHERE conversation_id = @conversationId ORDER BY turn, at",
            new { conversationId },
            cancellationToken: ct));
        return rows.Select(r => JsonSerializer.Deserialize<GateOutcome>(r)!).ToList();
    }

    /// <summary>Every action tried in the conversation with the customer turn it was tried in.</summary>
    public async Task<IReadOnlyList<(int Turn, GateOutcome Outcome)>> ActionsByTurnAsync(string conversationId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<(long Turn, string Outcome)>(new CommandDefinition(
            "SELECT turn, outcome FROM conversation_actions WHERE conversation_id = @conversationId ORDER BY turn, at",
            new { conversationId },
            cancellationToken: ct));
        return rows.Select(r => ((int)r.Turn, JsonSerializer.Deserialize<GateOutcome>(r.Outcome)!)).ToList();
    }

    public async Task UpdateAsync(Conversation conversation, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE conversations SET state = @State, clarifications = @Clarifications, case_id = @CaseId, pending_offer = @PendingOffer WHERE id = @Id",
            new { conversation.Id, conversation.State, conversation.Clarifications, conversation.CaseId, PendingOffer = Offer.FormatAll(conversation.PendingOffers) },
            cancellationToken: ct));
    }

    private Conversation ToConversation(ConversationRow row)
    {
        var offers = Offer.ParseAll(row.PendingOffer, out var unreadable);
        foreach (var why in unreadable)
        {
            // Never a reason to fail the conversation: the offer is left out, so a yes to it accepts nothing and Lee answers afresh.
            logger.LogWarning("Conversation {Conversation} kept an offer Lee cannot read, left out: {Why}", row.Id, why);
        }

        return new(row.Id, row.CustomerId, row.Channel, row.State, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt), (int)row.Clarifications, row.CaseId, offers);
    }

    private sealed record ConversationRow(string Id, string CustomerId, string Channel, string State, long CreatedAt, long Clarifications, string? CaseId, string? PendingOffer);

    private sealed record MessageRow(string ConversationId, long Seq, string Sender, string Text, long At, string? Intent, double? Confidence)
    {
        public ConversationMessage ToMessage() =>
            new(ConversationId, (int)Seq, Sender, Text, DateTimeOffset.FromUnixTimeMilliseconds(At), Intent, Confidence);
    }
}
