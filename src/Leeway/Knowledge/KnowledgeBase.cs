using System.Text.RegularExpressions;
using Leeway.Diagnostics;
using Leeway.Storage;

namespace Leeway.Knowledge;

/// <summary>
/// KCS: articles live in the database (with every version kept) and are searched through the in-memory index.
/// Every write goes to the database first, then to the index, so the next search sees it. Articles are written and
/// improved in English; a translation is shown to readers of its language while it is current: once staff improve the
/// English text, the translations written before say less than it does, so readers get the English text (the fix
/// reaches every customer at once) until the article is translated again (<see cref="IsCurrent"/>).
/// </summary>
internal sealed partial class KnowledgeBase(ArticleStore store, KnowledgeIndex index, IdGenerator ids) : IKnowledgeBase
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 20_000;
    public const int MaxLimit = 50;

    public Task<IReadOnlyList<ArticleHit>> SearchAsync(string question, RootCause? rootCause, int limit, CancellationToken cancellationToken) =>
        SearchAsync(question, rootCause, limit, ArticleLanguages.Source, cancellationToken);

    public Task<IReadOnlyList<ArticleHit>> SearchAsync(string question, RootCause? rootCause, int limit, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var tag = rootCause is { } cause ? WireName.Of(cause) : null;
        return Task.FromResult(index.Search(question, tag, Math.Clamp(limit, 0, MaxLimit), ArticleLanguages.Normalize(language)));
    }

    public Task<Article?> GetAsync(string articleId, CancellationToken cancellationToken) =>
        GetAsync(articleId, ArticleLanguages.Source, cancellationToken);

    public async Task<Article?> GetAsync(string articleId, string language, CancellationToken cancellationToken)
    {
        var english = await store.GetAsync(articleId, cancellationToken);
        language = ArticleLanguages.Normalize(language);
        if (english is null || language == ArticleLanguages.Source)
        {
            return english?.Article;
        }

        var translation = await store.GetTranslationAsync(articleId, language, cancellationToken);
        return translation is not null && IsCurrent(translation, english) ? translation.Article : english.Article;
    }

    public async Task<Article> UpsertAsync(string? articleId, string title, string body, IReadOnlyList<string> rootCauses, string author, CancellationToken cancellationToken)
    {
        var saved = await store.SaveAsync(Validate(articleId ?? ids.NewId("kb"), title, body, rootCauses, author), cancellationToken);
        index.Put(saved.Article);
        if (saved.Author != SeedArticle.Author)
        {
            // Staff changed what the article says: its translations say the old thing. Readers get the new English text.
            index.RemoveTranslations(saved.Article.Id);
        }

        return saved.Article;
    }

    /// <summary>Writes a new version of the article's translation into <paramref name="language"/>, translating its current English version.</summary>
    public async Task<Article> TranslateAsync(string articleId, string language, string title, string body, string author, CancellationToken cancellationToken)
    {
        var english = await store.GetAsync(articleId, cancellationToken)
            ?? throw new ArgumentException($"There is no article '{articleId}' to translate.", nameof(articleId));
        var write = ValidateTranslation(articleId, language, title, body, english.Article.Version, author);
        var saved = (await store.SaveTranslationsAsync([write], cancellationToken))[0];
        index.Put(saved.Article);
        return saved.Article;
    }

    /// <summary>
    /// A translation is shown while the English text it translates is still what the article says: the seed's own
    /// refreshes keep the seed's translations (they ship together), a staff improvement needs a translation of its own.
    /// </summary>
    internal static bool IsCurrent(StoredTranslation translation, StoredArticle english) =>
        english.Author == SeedArticle.Author || translation.SourceVersion >= english.Article.Version;

    /// <summary>
    /// Writes the shipped articles that are missing and refreshes those only the seed ever wrote; never touches one a
    /// human improved. One transaction; the index is rebuilt afterwards (<see cref="RebuildIndexAsync"/>).
    /// </summary>
    /// <returns>How many articles were written.</returns>
    public async Task<int> SeedAsync(IEnumerable<SeedArticle> seeds, CancellationToken cancellationToken)
    {
        var all = seeds.ToList();
        var written = await SeedEnglishAsync(all.Where(s => !s.IsTranslation), cancellationToken);
        return written + await SeedTranslationsAsync(all.Where(s => s.IsTranslation), cancellationToken);
    }

    private async Task<int> SeedEnglishAsync(IEnumerable<SeedArticle> seeds, CancellationToken cancellationToken)
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

    /// <summary>
    /// The shipped translations of articles the seed still owns in English (a staff-improved article's seed translations
    /// translate the old text), where missing or changed; never one a person wrote.
    /// </summary>
    private async Task<int> SeedTranslationsAsync(IEnumerable<SeedArticle> seeds, CancellationToken cancellationToken)
    {
        var english = (await store.AllAsync(cancellationToken)).ToDictionary(a => a.Article.Id);
        var stored = (await store.AllTranslationsAsync(cancellationToken)).ToDictionary(t => (t.Article.Id, t.Article.Language));
        var writes = new List<TranslationWrite>();
        foreach (var seed in seeds)
        {
            if (!english.TryGetValue(seed.Id, out var source) || source.Author != SeedArticle.Author)
            {
                continue;
            }

            var write = ValidateTranslation(seed.Id, seed.Language, seed.Title, seed.Body, source.Article.Version, SeedArticle.Author);
            if (stored.TryGetValue((seed.Id, seed.Language), out var current)
                && (current.Author != SeedArticle.Author || (current.Article.Title == write.Title && current.Article.Body == write.Body)))
            {
                continue;
            }

            writes.Add(write);
        }

        if (writes.Count > 0)
        {
            await store.SaveTranslationsAsync(writes, cancellationToken);
        }

        return writes.Count;
    }

    public Task<IReadOnlyList<ArticleVersion>> VersionsAsync(string articleId, CancellationToken cancellationToken) =>
        store.VersionsAsync(articleId, cancellationToken);

    /// <summary>Every version of the article in <paramref name="language"/> (English: the article's own history).</summary>
    public Task<IReadOnlyList<ArticleVersion>> VersionsAsync(string articleId, string language, CancellationToken cancellationToken)
    {
        language = ArticleLanguages.Normalize(language);
        return language == ArticleLanguages.Source
            ? store.VersionsAsync(articleId, cancellationToken)
            : store.TranslationVersionsAsync(articleId, language, cancellationToken);
    }

    /// <summary>Loads every article and its current translations from the database into a fresh index.</summary>
    public async Task RebuildIndexAsync(CancellationToken cancellationToken)
    {
        var all = await store.AllAsync(cancellationToken);
        var english = all.ToDictionary(a => a.Article.Id);
        var translations = await store.AllTranslationsAsync(cancellationToken);
        index.Rebuild(
            all.Select(a => a.Article),
            translations.Where(t => english.TryGetValue(t.Article.Id, out var source) && IsCurrent(t, source)).Select(t => t.Article));
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

    private static TranslationWrite ValidateTranslation(string articleId, string language, string title, string body, int sourceVersion, string author)
    {
        if (!ArticleLanguages.IsKnown(language) || language == ArticleLanguages.Source)
        {
            throw new ArgumentException($"A translation's language must be one of {string.Join(", ", ArticleLanguages.All.Skip(1))} (got '{language}').", nameof(language));
        }

        var english = Validate(articleId, title, body, [], author);
        return new TranslationWrite(english.Id, language, english.Title, english.Body, sourceVersion, english.Author);
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
