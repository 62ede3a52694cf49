namespace Leeway.Knowledge;

/// <summary>
/// At start (after the schema migrator): writes the shipped articles that are missing, refreshes those only the seed
/// ever wrote, never touches one a human improved, then builds the search index from the database.
/// </summary>
internal sealed class KnowledgeStartup(ArticleStore store, KnowledgeBase knowledge, ILogger<KnowledgeStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var seed in SeedArticle.LoadEmbedded())
        {
            var stored = await store.GetAsync(seed.Id, cancellationToken);
            if (stored is not null && (stored.Author != SeedArticle.Author || SameContent(stored.Article, seed)))
            {
                continue;
            }

            await knowledge.UpsertAsync(seed.Id, seed.Title, seed.Body, seed.RootCauses, SeedArticle.Author, cancellationToken);
            written++;
        }

        await knowledge.RebuildIndexAsync(cancellationToken);
        logger.LogInformation("Knowledge ready: {Written} seed articles written", written);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool SameContent(Article article, SeedArticle seed) =>
        article.Title == seed.Title.Trim()
        && article.Body == seed.Body.Trim()
        && article.RootCauses.SequenceEqual(seed.RootCauses.Distinct(StringComparer.Ordinal), StringComparer.Ordinal);
}
