using System.Collections.Concurrent;
using Dapper;
using Leeway.Prevent;
using Leeway.Prevent.Webhooks;
using Leeway.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Prevent.Webhooks;

/// <summary>
/// A handler whose only effect is a row keyed by the event id (as every real effect is keyed), in the product's own
/// database. It also counts how often it was invoked per event, to show the inbox keeps duplicates from reaching it.
/// </summary>
internal sealed class RecordingHandler(Database database, string eventType, ConcurrentDictionary<string, int> invocations) : IWebhookHandler
{
    public const string Table = "test_effects";

    public IReadOnlyCollection<string> EventTypes => [eventType];

    /// <summary>Creates the effects table and adds a recorder to the host's handlers (call before the host starts).</summary>
    public static async Task AddToAsync(WebApplication app, string eventType, ConcurrentDictionary<string, int> invocations)
    {
        var database = app.Services.GetRequiredService<Database>();
        await CreateTableAsync(database);
        app.Services.GetRequiredService<WebhookHandlers>().Add(new RecordingHandler(database, eventType, invocations));
    }

    public static async Task CreateTableAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        await connection.ExecuteAsync($"CREATE TABLE IF NOT EXISTS {Table} (event_id TEXT PRIMARY KEY, object_id TEXT)");
    }

    public async Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        invocations.AddOrUpdate(e.Id, 1, (_, n) => n + 1);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {Table} (event_id, object_id) VALUES (@Id, @ObjectId) ON CONFLICT (event_id) DO NOTHING",
            new { e.Id, e.ObjectId },
            cancellationToken: cancellationToken));
    }

    public static async Task<IReadOnlyDictionary<string, int>> EffectsAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        var rows = await connection.QueryAsync<(string EventId, long Count)>($"SELECT event_id, COUNT(*) FROM {Table} GROUP BY event_id");
        return rows.ToDictionary(r => r.EventId, r => (int)r.Count);
    }
}
