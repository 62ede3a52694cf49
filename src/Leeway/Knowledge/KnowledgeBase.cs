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

    public Task<IReadOnlyList<ArticleHit>> SearchAsync(string question, RootCause? rootCause, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var tag = rootCause is { } cause ? WireName.Of(cause) : null;
        return Task.FromResult(index.Search(question, tag, Math.Clamp(limit, 0, MaxLimit)));
    }

    public async Task<Article?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        (await store.GetAsync(articleId, cancellationToken))?.Article;

    public async Task<Article> UpsertAsync(string? articleId, string title, string body, IReadOnlyList<string> rootCauses, string author, CancellationToken cancellationToken)
    {
        var saved = await store.SaveAsync(Validate(articleId ?? ids.NewId("kb"), title, body, rootCauses, author), cancellationToken);
        index.Put(saved.Article);
        return saved.Article;
    }

    /// <summary>
    /// Writes the shipped articles that are missing and refreshes those only the seed ever wrote; never touches one a
    /// human improved. One transaction; the index is rebuilt afterwards (<see cref="RebuildIndexAsync"/>).
    /// </summary>
    /// <returns>How many articles were written.</returns>
    public async Task<int> SeedAsync(IEnumerable<SeedArticle> seeds, CancellationToken cancellationToken)
    {
        var stored = (await store.AllAsync(cancellationToken)).ToDictionary(a => a.Article.Id);
        var writes = new List<ArticleWrite>();
        foreach (var seed in seeds)
        {
            var write = Validate(seed.Id, seed.Title, seed.Body, seed.RootCauses, SeedArticle.Author);
            if (stored.TryGetValue(seed.Id, out var current)
                && (current.Author != SeedArticle.Author || (current.Article.Title == write.Title && current.Article.Body == write.Body && current.Article.RootCauses.SequenceEqual(write.RootCauses))))
            {
                continue;
            }

            writes.Add(write);
        }

        if (writes.Count > 0)
        {
            await store.SaveAllAsync(writes, cancellationToken);
        }

        return writes.Count;
    }

    public Task<IReadOnlyList<ArticleVersion>> VersionsAsync(string articleId, CancellationToken cancellationToken) =>
        store.VersionsAsync(articleId, cancellationToken);

    /// <summary>Loads every article from the database into a fresh index.</summary>
    public async Task RebuildIndexAsync(CancellationToken cancellationToken)
    {
        var all = await store.AllAsync(cancellationToken);
        index.Rebuild(all.Select(a => a.Article));
    }

    private static ArticleWrite Validate(string articleId, string title, string body, IReadOnlyList<string> rootCauses, string author)
    {
        if (!ArticleIdPattern().IsMatch(articleId))
        {
            throw new ArgumentException($"Article id '{articleId}' must be 1-64 characters of letters, digits, '_' or '-'.", nameof(articleId));
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

        var codes = (rootCauses ?? []).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var code in codes)
        {
            RequireKnownRootCause(code, nameof(rootCauses));
        }

        return new ArticleWrite(articleId, title, body, codes, author);
    }

    private static void RequireKnownRootCause(string code, string parameter)
    {
        if (!WireName.TryParse<RootCause>(code, out _))
        {
            throw new ArgumentException($"Unknown root cause '{code}'; expected one of: {string.Join(", ", RootCauses.WireNames)}.", parameter);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ArticleIdPattern();
}
