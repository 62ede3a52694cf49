using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Pt;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Leeway.Knowledge;

/// <summary>
/// The analyzers of the knowledge index. English fields are stemmed; "plain" fields are only folded
/// (lower case, no accents), so names, codes and words shared across languages still match. A translation's fields
/// are analyzed in its own language (<see cref="For"/>).
/// </summary>
internal static class KnowledgeAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Lucene's English stop words plus the filler of a support question ("why did my", "can you help"):
    /// every article shares them, so they only add noise to BM25.
    /// </summary>
    private static readonly CharArraySet StopWords = BuildStopWords();

    public static Analyzer English() => new EnglishAnalyzer(Version, StopWords);

    /// <summary>
    /// The analyzer of a translation's text and of a question searched against it: the language's stop words and light
    /// stemmer (elision for French and Italian: <c>l'article</c> is <c>article</c>), then accents folded, because customers
    /// often type without them (<c>devolucion</c>, <c>rembourse</c>).
    /// </summary>
    public static Analyzer For(string language) => language switch
    {
        "es" => Stemmed(SpanishAnalyzer.DefaultStopSet, null, s => new SpanishLightStemFilter(s)),
        "de" => Stemmed(GermanAnalyzer.DefaultStopSet, null, s => new GermanLightStemFilter(new GermanNormalizationFilter(s))),
        "fr" => Stemmed(FrenchAnalyzer.DefaultStopSet, FrenchElisions, s => new FrenchLightStemFilter(s)),
        "pt" => Stemmed(PortugueseAnalyzer.DefaultStopSet, null, s => new PortugueseLightStemFilter(s)),
        "it" => Stemmed(ItalianAnalyzer.DefaultStopSet, ItalianElisions, s => new ItalianLightStemFilter(s)),
        _ => English(),
    };

    private static readonly CharArraySet FrenchElisions = new(Version, ["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"], ignoreCase: true);

    private static readonly CharArraySet ItalianElisions = new(Version, ["c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"], ignoreCase: true);

    private static Analyzer Stemmed(CharArraySet stopWords, CharArraySet? elisions, Func<TokenStream, TokenStream> stem) => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = tokenizer;
        if (elisions is not null)
        {
            stream = new ElisionFilter(stream, elisions);
        }

        stream = new LowerCaseFilter(Version, stream);
        stream = new StopFilter(Version, stream, stopWords);
        stream = stem(stream);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    public static Analyzer Plain() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        stream = new StopFilter(Version, stream, StopWords);
        return new TokenStreamComponents(tokenizer, stream);
    });

    /// <summary>Only splits, lower-cases and folds accents: the glossary's view of a question in any language.</summary>
    public static Analyzer Folding() => Analyzer.NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    });

    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static CharArraySet BuildStopWords()
    {
        var set = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet, ignoreCase: true);
        string[] filler =
        [
            "i", "me", "my", "mine", "myself", "you", "your", "yours", "we", "us", "our", "he", "she", "him", "her", "his", "its",
            "them", "what", "which", "who", "whom", "why", "how", "when", "where", "do", "does", "did", "doing", "done", "am",
            "been", "being", "have", "has", "had", "having", "can", "could", "would", "should", "may", "might", "must", "shall",
            "get", "got", "gets", "getting", "just", "so", "than", "too", "very", "please", "hi", "hello", "hey", "thanks",
            "thank", "help", "want", "need", "about", "from", "up", "out", "all", "any", "some", "again", "also", "now", "here",
            "i'm", "im", "i've", "it's", "can't", "cant", "don't", "dont", "didn't", "didnt", "doesn't", "doesnt", "won't",
            "isn't", "wasn't", "there's", "what's", "lee",
        ];
        foreach (var word in filler)
        {
            set.Add(word);
        }

        return set.AsReadOnly();
    }
}
