using System.Text.RegularExpressions;
using Leeway.Diagnostics;
using Leeway.Storage;

namespace Leeway.Knowledge;

/// <summary>
/// KCS: articles live in the database (with every version kept) and are searched through the in-memory index.
/// Every write goes to the database first, then to the index, so the next search sees it.
/// </summary>
internal sealed partial class KnowledgeBase(ArticleStore store, KnowledgeIndex index, IdGenerator ids) : IKnowledgeBase
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
    public const int MaxLimit = 50;

    public Task<IReadOnlyList<ArticleHit>> SearchAsync(string question, string? rootCause, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (rootCause is not null)
        {
            RequireKnownRootCause(rootCause, nameof(rootCause));
        }

        return Task.FromResult(index.Search(question, rootCause, Math.Clamp(limit, 0, MaxLimit)));
    }

    public async Task<Article?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        (await store.GetAsync(articleId, cancellationToken))?.Article;

    public async Task<Article> UpsertAsync(string? articleId, string title, string body, IReadOnlyList<string> rootCauses, string author, CancellationToken cancellationToken)
    {
        var id = articleId ?? ids.NewId("kb");
        if (!ArticleIdPattern().IsMatch(id))
        {
            throw new ArgumentException($"Article id '{id}' must be 1-64 characters of letters, digits, '_' or '-'.", nameof(articleId));
        }

        title = title?.Trim() ?? "";
        body = body?.Trim() ?? "";
        if (title.Length is 0 or > MaxTitleLength)
        {
            throw new ArgumentException($"Article title must be 1-{MaxTitleLength} characters (got {title.Length}).", nameof(title));
        }

        if (body.Length is 0 or > MaxBodyLength)
        {
            throw new ArgumentException($"Article body must be 1-{MaxBodyLength} characters (got {body.Length}).", nameof(body));
        }

        if (string.IsNullOrWhiteSpace(author))
        {
            throw new ArgumentException("Article author is required.", nameof(author));
        }

        var codes = rootCauses.Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var code in codes)
        {
            RequireKnownRootCause(code, nameof(rootCauses));
        }

        var saved = await store.SaveAsync(id, title, body, codes, author, cancellationToken);
        index.Put(saved.Article);
        return saved.Article;
    }

    public Task<IReadOnlyList<ArticleVersion>> VersionsAsync(string articleId, CancellationToken cancellationToken) =>
        store.VersionsAsync(articleId, cancellationToken);

    /// <summary>Loads every article from the database into a fresh index.</summary>
    public async Task RebuildIndexAsync(CancellationToken cancellationToken)
    {
        var all = await store.AllAsync(cancellationToken);
        index.Rebuild(all.Select(a => a.Article));
    }

    private static void RequireKnownRootCause(string code, string parameter)
    {
        if (!RootCause.All.Any(c => c.Code == code))
        {
            throw new ArgumentException($"Unknown root cause '{code}'; expected one of: {string.Join(", ", RootCause.All.Select(c => c.Code))}.", parameter);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ArticleIdPattern();
}
