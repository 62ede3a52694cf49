using System.Text.Json;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Leeway.Knowledge;

/// <summary>
/// The in-memory BM25 index of the articles, rebuilt from the database at start and updated on every write.
/// Queries are built from analyzed terms only (never parsed), so a customer's text cannot be Lucene syntax.
/// Each current translation is a document of its own, with fields analyzed in its language (<c>title_es</c>,
/// <c>body_es</c>, …): a question in Spanish is matched against the English text (through the glossary, as ever) and the
/// Spanish one, an article's two scores add up, and the hit is the Spanish text when there is one.
/// </summary>
internal sealed class KnowledgeIndex : IDisposable
{
    private const string IdField = "id";
    private const string TitleField = "title";
    private const string BodyField = "body";
    private const string PlainTitleField = "title_plain";
    private const string PlainBodyField = "body_plain";
    private const string RootCauseField = "root_cause";
    private const string ArticleField = "article";
    private const string TranslationSeparator = "@";
    private const int MaxQueryTerms = 48;

    /// <summary>Field weights: a word in the title says more about the article than one in the body; unstemmed matches count less.</summary>
    private static readonly (string Field, float Boost)[] SearchedFields =
    [
        (TitleField, 2.0f), (BodyField, 1.0f), (PlainTitleField, 0.6f), (PlainBodyField, 0.3f),
    ];

    /// <summary>
    /// A tagged article is moved ahead of untagged ones when it scores at least this share of the best text score:
    /// the root cause breaks near-ties, it does not drag in an article the question is not about.
    /// </summary>
    private const float RootCauseRelevanceShare = 0.2f;

    private readonly Analyzer _analyzer;
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly BM25Similarity _similarity = new();
    private readonly System.Threading.Lock _writeLock = new();

    /// <summary>The current translations by article and language: what a hit shows a reader of that language.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Id, string Language), Article> _translations = new();

    public KnowledgeIndex()
    {
        var english = KnowledgeAnalyzers.English();
        var plain = KnowledgeAnalyzers.Plain();
        var fields = new Dictionary<string, Analyzer>
        {
            [PlainTitleField] = plain,
            [PlainBodyField] = plain,
        };
        foreach (var language in ArticleLanguages.All.Where(l => l != ArticleLanguages.Source))
        {
            var analyzer = KnowledgeAnalyzers.For(language);
            fields[TitleField + "_" + language] = analyzer;
            fields[BodyField + "_" + language] = analyzer;
        }

        _analyzer = new PerFieldAnalyzerWrapper(english, fields);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(KnowledgeAnalyzers.Version, _analyzer)
        {
            Similarity = _similarity,
            OpenMode = OpenMode.CREATE,
        });
        _writer.Commit();
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, new BM25SearcherFactory(_similarity));
    }

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>Replaces the whole index with these articles (in English) and their current translations.</summary>
    public void Rebuild(IEnumerable<Article> articles, IEnumerable<Article>? translations = null)
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
            _translations.Clear();
            foreach (var article in articles)
            {
                _writer.AddDocument(ToDocument(article));
            }

            foreach (var translation in translations ?? [])
            {
                _writer.AddDocument(ToDocument(translation));
                _translations[(translation.Id, translation.Language)] = translation;
            }

            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>Adds the article (English or a translation) or replaces its previous version in that language.</summary>
    public void Put(Article article)
    {
        lock (_writeLock)
        {
            _writer.UpdateDocument(new Term(IdField, KeyOf(article.Id, article.Language)), ToDocument(article));
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
            if (article.Language != ArticleLanguages.Source)
            {
                _translations[(article.Id, article.Language)] = article;
            }
        }
    }

    /// <summary>Takes an article's translations out (the English text changed under them): its readers get the English text.</summary>
    public void RemoveTranslations(string articleId)
    {
        lock (_writeLock)
        {
            foreach (var language in ArticleLanguages.All.Where(l => l != ArticleLanguages.Source))
            {
                _writer.DeleteDocuments(new Term(IdField, KeyOf(articleId, language)));
                _translations.TryRemove((articleId, language), out _);
            }

            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>The article's current translation into <paramref name="language"/>, or the English article when it has none.</summary>
    public Article InLanguage(Article article, string language) =>
        language != ArticleLanguages.Source && _translations.TryGetValue((article.Id, language), out var translated) ? translated : article;

    public IReadOnlyList<ArticleHit> Search(string question, string? rootCause, int limit, string language = ArticleLanguages.Source)
    {
        if (limit <= 0)
        {
            return [];
        }

        // The tokenizer keeps "word:word" whole (UAX#29); a customer's "title:refund" should still search "refund".
        var expanded = QueryGlossary.Default.Expand(question.Replace(':', ' '));
        var textQuery = TextQuery(expanded);
        var nativeQuery = language == ArticleLanguages.Source ? null : NativeQuery(question.Replace(':', ' '), language);
        var searcher = _searchers.Acquire();
        try
        {
            var hits = new List<ArticleHit>();
            if (textQuery is not null)
            {
                var top = searcher.Search(textQuery, Math.Max(limit * 4, 40));
                hits.AddRange(top.ScoreDocs.Select(d => new ArticleHit(Load(searcher, d.Doc), d.Score)));
            }

            if (nativeQuery is not null)
            {
                // The question in its own language against the translations: an article's score is the sum of both matches.
                var native = searcher.Search(nativeQuery, Math.Max(limit * 4, 40)).ScoreDocs.Select(d => (Load(searcher, d.Doc).Id, d.Score)).ToList();
                hits = Merge(hits, native, searcher);
            }

            hits = hits.Select(h => h with { Article = InLanguage(h.Article, language) }).ToList();

            if (rootCause is null)
            {
                return hits.Take(limit).ToList();
            }

            if (hits.Count == 0)
            {
                // Nothing in the question matched (a word we do not know, another language): the diagnosis still says what it is about.
                var tagged = searcher.Search(new TermQuery(new Term(RootCauseField, rootCause)), limit);
                return tagged.ScoreDocs.Select(d => new ArticleHit(InLanguage(Load(searcher, d.Doc), language), d.Score)).ToList();
            }

            var best = hits[0].Score;
            return hits
                .Select(h => h.Article.RootCauses.Contains(rootCause, StringComparer.Ordinal) && h.Score >= RootCauseRelevanceShare * best
                    ? h with { Score = h.Score + best }
                    : h)
                .OrderByDescending(h => h.Score)
                .Take(limit)
                .ToList();
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }

    private static string KeyOf(string articleId, string language) =>
        language == ArticleLanguages.Source ? articleId : articleId + TranslationSeparator + language;

    /// <summary>The English hits with the translations' scores added, and the articles only a translation matched (in English: shown in the reader's language later).</summary>
    private List<ArticleHit> Merge(List<ArticleHit> english, List<(string Id, float Score)> native, IndexSearcher searcher)
    {
        var byId = english.ToDictionary(h => h.Article.Id, StringComparer.Ordinal);
        foreach (var (id, score) in native)
        {
            if (byId.TryGetValue(id, out var hit))
            {
                byId[id] = hit with { Score = hit.Score + score };
            }
            else if (EnglishOf(searcher, id) is { } article)
            {
                byId[id] = new ArticleHit(article, score);
            }
        }

        return byId.Values.OrderByDescending(h => h.Score).ThenBy(h => h.Article.Id, StringComparer.Ordinal).ToList();
    }

    private static Article? EnglishOf(IndexSearcher searcher, string articleId)
    {
        var top = searcher.Search(new TermQuery(new Term(IdField, articleId)), 1);
        return top.ScoreDocs.Length == 0 ? null : Load(searcher, top.ScoreDocs[0].Doc);
    }

    /// <summary>The question analyzed in <paramref name="language"/> against that language's translations; null when nothing is searchable.</summary>
    private BooleanQuery? NativeQuery(string text, string language)
    {
        var query = new BooleanQuery();
        foreach (var (field, boost) in new[] { (TitleField + "_" + language, 2.0f), (BodyField + "_" + language, 1.0f) })
        {
            foreach (var term in KnowledgeAnalyzers.Terms(_analyzer, field, text).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms))
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }
        }

        return query.Clauses.Count == 0 ? null : query;
    }

    /// <summary>One SHOULD clause per analyzed term and field; null when the question has no searchable word.</summary>
    private BooleanQuery? TextQuery(string text)
    {
        var query = new BooleanQuery();
        foreach (var (field, boost) in SearchedFields)
        {
            foreach (var term in KnowledgeAnalyzers.Terms(_analyzer, field, text).Distinct(StringComparer.Ordinal).Take(MaxQueryTerms))
            {
                query.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
            }
        }

        return query.Clauses.Count == 0 ? null : query;
    }

    private static Document ToDocument(Article article)
    {
        if (article.Language != ArticleLanguages.Source)
        {
            // A translation is searched only in its own language's fields, and carries no root cause: the English document does.
            return new Document
            {
                new StringField(IdField, KeyOf(article.Id, article.Language), Field.Store.YES),
                new TextField(TitleField + "_" + article.Language, article.Title, Field.Store.NO),
                new TextField(BodyField + "_" + article.Language, article.Body, Field.Store.NO),
                new StoredField(ArticleField, JsonSerializer.Serialize(article)),
            };
        }

        var document = new Document
        {
            new StringField(IdField, article.Id, Field.Store.YES),
            new TextField(TitleField, article.Title, Field.Store.NO),
            new TextField(BodyField, article.Body, Field.Store.NO),
            new TextField(PlainTitleField, article.Title, Field.Store.NO),
            new TextField(PlainBodyField, article.Body, Field.Store.NO),
            new StoredField(ArticleField, JsonSerializer.Serialize(article)),
        };
        foreach (var rootCause in article.RootCauses)
        {
            document.Add(new StringField(RootCauseField, rootCause, Field.Store.NO));
        }

        return document;
    }

    private static Article Load(IndexSearcher searcher, int doc) =>
        JsonSerializer.Deserialize<Article>(searcher.Doc(doc).Get(ArticleField))
        ?? throw new InvalidOperationException($"Index document {doc} holds no article.");

    private sealed class BM25SearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}
