using System.Reflection;
using Lucene.Net.Analysis;

namespace Leeway.Knowledge;

/// <summary>
/// Billing words in Spanish, French and German mapped to the English words the articles use, so a question
/// in those languages still finds the right article. Keys are folded (lower case, no accents); a key ending
/// in <c>*</c> matches any word it starts (verb forms, plurals); keys of two or three words match a phrase.
/// </summary>
internal sealed class QueryGlossary
{
    private const string ResourceName = "Leeway.Knowledge.QueryGlossary.tsv";
    private const int MaxTokens = 64;

    private static readonly Lazy<QueryGlossary> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, string> _exact;
    private readonly List<(string Prefix, string English)> _prefixes;
    private readonly Analyzer _folding = KnowledgeAnalyzers.Folding();

    private QueryGlossary(Dictionary<string, string> exact, List<(string Prefix, string English)> prefixes)
    {
        _exact = exact;
        _prefixes = prefixes;
    }

    public static QueryGlossary Default => Embedded.Value;

    public int Count => _exact.Count + _prefixes.Count;

    /// <summary>The question followed by the English words its non-English billing terms stand for.</summary>
    public string Expand(string question)
    {
        var english = Translate(question);
        return english.Count == 0 ? question : question + "\n" + string.Join(' ', english);
    }

    public IReadOnlyList<string> Translate(string question)
    {
        // Elided articles (l'argent, d'abonnement) would otherwise hide the word from the glossary.
        var tokens = KnowledgeAnalyzers.Terms(_folding, "q", question.Replace('\'', ' ').Replace('\u2019', ' '));
        if (tokens.Count > MaxTokens)
        {
            tokens = tokens[..MaxTokens];
        }

        var found = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var matched = false;
            for (var n = 3; n >= 2 && !matched; n--)
            {
                if (i + n <= tokens.Count && _exact.TryGetValue(string.Join(' ', tokens.GetRange(i, n)), out var phrase))
                {
                    found.Add(phrase);
                    i += n - 1;
                    matched = true;
                }
            }

            if (matched)
            {
                continue;
            }

            var token = tokens[i];
            if (_exact.TryGetValue(token, out var word))
            {
                found.Add(word);
                continue;
            }

            foreach (var (prefix, english) in _prefixes)
            {
                if (token.StartsWith(prefix, StringComparison.Ordinal))
                {
                    found.Add(english);
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Parses <c>language TAB term TAB english words</c> lines; <c>#</c> starts a comment.</summary>
    internal static QueryGlossary Parse(string text, string sourceName)
    {
        var folding = KnowledgeAnalyzers.Folding();
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var prefixes = new List<(string, string)>();
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 3)
            {
                throw new InvalidDataException($"{sourceName} line {lineNumber}: expected 'language<TAB>term<TAB>english', got '{line}'.");
            }

            var isPrefix = parts[1].EndsWith('*');
            var key = string.Join(' ', KnowledgeAnalyzers.Terms(folding, "q", parts[1].TrimEnd('*')));
            if (key.Length == 0)
            {
                throw new InvalidDataException($"{sourceName} line {lineNumber}: term '{parts[1]}' has no letters.");
            }

            if (isPrefix)
            {
                prefixes.Add((key, parts[2]));
            }
            else if (!exact.TryAdd(key, parts[2]))
            {
                exact[key] = exact[key] + " " + parts[2];
            }
        }

        // Longer prefixes first, so "kreditkarte" wins over "kredit".
        prefixes.Sort((a, b) => b.Item1.Length.CompareTo(a.Item1.Length));
        return new QueryGlossary(exact, prefixes);
    }

    private static QueryGlossary LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), ResourceName);
    }
}
