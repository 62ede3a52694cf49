using Leeway.Diagnostics;

namespace Leeway.Knowledge;

internal interface IKnowledgeBase
{
    /// <summary>Best articles for a question, optionally boosted toward a root cause (BM25 over title and body), in English.</summary>
    Task<IReadOnlyList<ArticleHit>> SearchAsync(string question, RootCause? rootCause, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Best articles for a question asked in <paramref name="language"/>: matched against the English text and the
    /// language's translations, each hit in that language where the article has a current translation, else in English.
    /// </summary>
    Task<IReadOnlyList<ArticleHit>> SearchAsync(string question, RootCause? rootCause, int limit, string language, CancellationToken cancellationToken);

    Task<Article?> GetAsync(string articleId, CancellationToken cancellationToken);

    /// <summary>The article in <paramref name="language"/> when it has a current translation, else in English.</summary>
    Task<Article?> GetAsync(string articleId, string language, CancellationToken cancellationToken);

    /// <summary>Creates an article, or improves an existing one (new version) when <paramref name="articleId"/> is given.</summary>
    Task<Article> UpsertAsync(string? articleId, string title, string body, IReadOnlyList<string> rootCauses, string author, CancellationToken cancellationToken);
}
