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

    public KnowledgeIndex()
    {
        var english = KnowledgeAnalyzers.English();
        var plain = KnowledgeAnalyzers.Plain();
        _analyzer = new PerFieldAnalyzerWrapper(english, new Dictionary<string, Analyzer>
        {
            [PlainTitleField] = plain,
            [PlainBodyField] = plain,
        });
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

    /// <summary>Replaces the whole index with these articles.</summary>
    public void Rebuild(IEnumerable<Article> articles)
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
            foreach (var article in articles)
            {
                _writer.AddDocument(ToDocument(article));
            }

            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
    }

    /// <summary>Adds the article or replaces its previous version.</summary>
    public void Put(Article article)
    {
        lock (_writeLock)
        {
            _writer.UpdateDocument(new Term(IdField, article.Id), ToDocument(article));
            _writer.Commit();
            _searchers.MaybeRefreshBlocking();
        }
    }

    public IReadOnlyList<ArticleHit> Search(string question, string? rootCause, int limit)
    {
        if (limit <= 0)
        {
            return [];
        }

        // The tokenizer keeps "word:word" whole (UAX#29); a customer's "title:refund" should still search "refund".
        var expanded = QueryGlossary.Default.Expand(question.Replace(':', ' '));
        var textQuery = TextQuery(expanded);
        var searcher = _searchers.Acquire();
        try
        {
            var hits = new List<ArticleHit>();
            if (textQuery is not null)
            {
                var top = searcher.Search(textQuery, Math.Max(limit * 4, 40));
                hits.AddRange(top.ScoreDocs.Select(d => new ArticleHit(Load(searcher, d.Doc), d.Score)));
            }

            if (rootCause is null)
            {
                return hits.Take(limit).ToList();
            }

            if (hits.Count == 0)
            {
                // Nothing in the question matched (a word we do not know, another language): the diagnosis still says what it is about.
                var tagged = searcher.Search(new TermQuery(new Term(RootCauseField, rootCause)), limit);
                return tagged.ScoreDocs.Select(d => new ArticleHit(Load(searcher, d.Doc), d.Score)).ToList();
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
