namespace Leeway.Knowledge;

/// <summary>At start (after the schema migrator): the shipped articles into the database, then the search index from the database.</summary>
internal sealed class KnowledgeStartup(KnowledgeBase knowledge, ILogger<KnowledgeStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var written = await knowledge.SeedAsync(SeedArticle.LoadEmbedded(), cancellationToken);
        await knowledge.RebuildIndexAsync(cancellationToken);
        logger.LogInformation("Knowledge ready: {Written} seed articles written", written);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
