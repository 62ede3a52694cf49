using Leeway.Diagnostics;
using Leeway.Knowledge;
using Leeway.Storage;
using Leeway.Tests.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Knowledge;

/// <summary>A real database of its own (<see cref="TestDatabase"/>), the knowledge schema applied, the seed loaded, a real Lucene index.</summary>
internal sealed class KnowledgeWorld : IAsyncDisposable
{
    private readonly TestDatabase _storage;
    private readonly bool _ownsStorage;

    private KnowledgeWorld(TestDatabase storage, bool ownsStorage, Database database, FakeTimeProvider time, ArticleStore store, KnowledgeIndex index, KnowledgeBase knowledge)
    {
        _storage = storage;
        _ownsStorage = ownsStorage;
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

    /// <param name="kind"><c>sqlite</c> or <c>postgres</c> (the server ./test.sh starts).</param>
    public static async Task<KnowledgeWorld> StartAsync(string kind = "sqlite") => await StartOnAsync(await TestDatabase.CreateAsync(kind), ownsStorage: true);

    private static async Task<KnowledgeWorld> StartOnAsync(TestDatabase storage, bool ownsStorage)
    {
        var database = new Database(storage.ConnectionString);
        await new SchemaMigrator(database, [new KnowledgeSchema()], NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        var store = new ArticleStore(database, time);
        var index = new KnowledgeIndex();
        var knowledge = new KnowledgeBase(store, index, new IdGenerator());
        await new KnowledgeStartup(knowledge, NullLogger<KnowledgeStartup>.Instance).StartAsync(CancellationToken.None);
        return new KnowledgeWorld(storage, ownsStorage, database, time, store, index, knowledge);
    }

    /// <summary>A second host on the same database: a fresh index, seeded and rebuilt as at start. The first world keeps the database.</summary>
    public Task<KnowledgeWorld> RestartAsync() => StartOnAsync(_storage, ownsStorage: false);

    public async Task<IReadOnlyList<string>> TopIdsAsync(string question, RootCause? rootCause = null, int limit = 3) =>
        (await Knowledge.SearchAsync(question, rootCause, limit, CancellationToken.None)).Select(h => h.Article.Id).ToList();

    public async ValueTask DisposeAsync()
    {
        Index.Dispose();
        Database.Dispose();
        if (_ownsStorage)
        {
            await _storage.DisposeAsync();
        }
    }
}
