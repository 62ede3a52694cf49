using Leeway.Knowledge;
using Leeway.Storage;
using Leeway.Tests.Humans;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Knowledge;

/// <summary>A real database of its own (<see cref="TestDatabase"/>), the knowledge schema applied, the seed loaded, a real Lucene index.</summary>
internal sealed class KnowledgeWorld : IAsyncDisposable
{
    private readonly TestDatabase _storage;

    private KnowledgeWorld(TestDatabase storage, Database database, FakeTimeProvider time, ArticleStore store, KnowledgeIndex index, KnowledgeBase knowledge)
    {
        _storage = storage;
        Database = database;
        Time = time;
        Store = store;
        Index = index;
        Knowledge = knowledge;
    }

    public Database Database { get; }
    public FakeTimeProvider Time { get; }
    public ArticleStore Store { get; }
    public KnowledgeIndex Index { get; }
    public KnowledgeBase Knowledge { get; }

    public static async Task<KnowledgeWorld> StartAsync(string? directory = null)
    {
        var storage = await TestDatabase.CreateAsync(directory);
        var database = storage.Database;
        await new SchemaMigrator(database, [new KnowledgeSchema()], NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        var store = new ArticleStore(database, time);
        var index = new KnowledgeIndex();
        var knowledge = new KnowledgeBase(store, index, new IdGenerator());
        await new KnowledgeStartup(knowledge, NullLogger<KnowledgeStartup>.Instance).StartAsync(CancellationToken.None);
        return new KnowledgeWorld(storage, database, time, store, index, knowledge);
    }

    /// <summary>A second host on the same database file: a fresh index, seeded and rebuilt as at start.</summary>
    public Task<KnowledgeWorld> RestartAsync() => StartAsync(_storage.Directory);

    public async Task<IReadOnlyList<string>> TopIdsAsync(string question, string? rootCause = null, int limit = 3) =>
        (await Knowledge.SearchAsync(question, rootCause, limit, CancellationToken.None)).Select(h => h.Article.Id).ToList();

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        // A restarted world shares the storage; whichever is disposed first removes it, the other finds it gone.
        await _storage.DisposeAsync();
    }
}
