using Leeway.Diagnostics;

namespace Leeway.Knowledge;

public interface IKnowledgeBase
{
    /// <summary>Best articles for a question, optionally boosted toward a root cause (BM25 over title and body).</summary>
    Task<IReadOnlyList<ArticleHit>> SearchAsync(string question, RootCause? rootCause, int limit, CancellationToken cancellationToken);

    Task<Article?> GetAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>Creates an article, or improves an existing one (new version) when <paramref name="articleId"/> is given.</summary>
    Task<Article> UpsertAsync(string? articleId, string title, string body, IReadOnlyList<string> rootCauses, string author, CancellationToken cancellationToken);
}
