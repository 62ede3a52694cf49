using Lucene.Net.Analysis;

namespace Leeway.Knowledge;

/// <summary>The sentence of an article that shares the most (stemmed, in the article's language) words with the question, for a result list.</summary>
internal static class ArticleSnippet
{
    public const int MaxLength = 240;

    private static readonly Dictionary<string, Analyzer> Analyzers = ArticleLanguages.All.ToDictionary(l => l, KnowledgeAnalyzers.For);

    public static string For(string body, string question, string language = ArticleLanguages.Source)
    {
        var analyzer = Analyzers.GetValueOrDefault(language) ?? Analyzers[ArticleLanguages.Source];
        var text = language == ArticleLanguages.Source ? QueryGlossary.Default.Expand(question) : question;
        var wanted = KnowledgeAnalyzers.Terms(analyzer, "body", text).ToHashSet(StringComparer.Ordinal);
        var sentences = Sentences(body);
        var best = sentences.Count == 0 ? body : sentences[0];
        var bestOverlap = 0;
        foreach (var sentence in sentences)
        {
            var overlap = KnowledgeAnalyzers.Terms(analyzer, "body", sentence).Distinct(StringComparer.Ordinal).Count(wanted.Contains);
            if (overlap > bestOverlap)
            {
                best = sentence;
                bestOverlap = overlap;
            }
        }

        return best.Length <= MaxLength ? best : best[..(MaxLength - 1)].TrimEnd() + "…";
    }

    private static List<string> Sentences(string body)
    {
        var sentences = new List<string>();
        foreach (var paragraph in body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var text = paragraph.TrimStart('-', '*', '#', ' ');
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '.' or '?' or '!' && (i + 1 == text.Length || text[i + 1] == ' '))
                {
                    Add(text[start..(i + 1)]);
                    start = i + 1;
                }
            }

            Add(text[start..]);
        }

        return sentences;

        void Add(string sentence)
        {
            sentence = sentence.Trim();
            if (sentence.Length > 0)
            {
                sentences.Add(sentence);
            }
        }
    }
}
