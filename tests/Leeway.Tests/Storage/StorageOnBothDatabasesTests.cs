using Leeway.Agent.Conversations;
using Leeway.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Storage;

/// <summary>The same product on SQLite and on PostgreSQL: every capability's schema applies, and its store round-trips.</summary>
public sealed class StorageOnBothDatabasesTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Every_schema_applies_and_stores_round_trip(string kind)
    {
        await using var database = await TestDatabase.CreateAsync(kind);
        var app = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Storage:DataDirectory"] = database.Directory,
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        try
        {
            var conversations = app.Services.GetRequiredService<ConversationStore>();
            var conversation = await conversations.StartAsync("cus_a", "chat", default);
            await conversations.AppendAsync(conversation.Id, "customer", "hello", "other", 0.5, default);
            await conversations.AppendAsync(conversation.Id, "lee", "hi", null, null, default);
            Assert.Equal(["hello", "hi"], (await conversations.MessagesAsync(conversation.Id, default)).Select(m => m.Text));
            Assert.Null(await conversations.GetAsync(conversation.Id, "cus_b", default));
            Assert.Equal(conversation.Id, (await conversations.GetAsync(conversation.Id, "cus_a", default))?.Id);

            var knowledge = app.Services.GetRequiredService<IKnowledgeBase>();
            var article = await knowledge.UpsertAsync(null, "Zebra invoices", "How zebra invoices are paid.", ["none"], "test", default);
            Assert.Contains((await knowledge.SearchAsync("zebra invoice", null, 3, default)), h => h.Article.Id == article.Id);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
