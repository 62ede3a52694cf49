using Leeway.Knowledge;
using Leeway.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Knowledge;

/// <summary>A real SQLite file in a temp folder, the knowledge schema applied, the seed loaded, a real Lucene index.</summary>
internal sealed class KnowledgeWorld : IAsyncDisposable
{
    private KnowledgeWorld(string directory, Database database, FakeTimeProvider time, ArticleStore store, KnowledgeIndex index, KnowledgeBase knowledge)
    {
        Directory = directory;
        Database = database;
        Time = time;
        Store = store;
        Index = index;
        Knowledge = knowledge;
    }

    public string Directory { get; }
    public Database Database { get; }
    public FakeTimeProvider Time { get; }
    public ArticleStore Store { get; }
    public KnowledgeIndex Index { get; }
    public KnowledgeBase Knowledge { get; }

    public static async Task<KnowledgeWorld> StartAsync(string? directory = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("leeway-kb-").FullName;
        var database = new Database($"Data Source={Path.Combine(directory, "leeway.db")}");
        await new SchemaMigrator(database, [new KnowledgeSchema()], NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));
        var store = new ArticleStore(database, time);
        var index = new KnowledgeIndex();
        var knowledge = new KnowledgeBase(store, index, new IdGenerator());
        await new KnowledgeStartup(store, knowledge, NullLogger<KnowledgeStartup>.Instance).StartAsync(CancellationToken.None);
        return new KnowledgeWorld(directory, database, time, store, index, knowledge);
    }

    /// <summary>A second host on the same database file: a fresh index, seeded and rebuilt as at start.</summary>
    public Task<KnowledgeWorld> RestartAsync() => StartAsync(Directory);

    public async Task<IReadOnlyList<string>> TopIdsAsync(string question, string? rootCause = null, int limit = 3) =>
        (await Knowledge.SearchAsync(question, rootCause, limit, CancellationToken.None)).Select(h => h.Article.Id).ToList();

    public ValueTask DisposeAsync()
    {
        Index.Dispose();
        Database.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Another world may still hold the file (a restart test); the temp folder is cleaned by the OS.
        }

        return ValueTask.CompletedTask;
    }
}
