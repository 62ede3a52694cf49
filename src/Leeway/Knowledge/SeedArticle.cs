using System.Reflection;

namespace Leeway.Knowledge;

/// <summary>
/// An article shipped with the product: <c>Seed/*.md</c>, embedded in the assembly, with a front matter of
/// <c>id</c>, <c>title</c> and <c>root_causes</c> (<c>[a, b]</c> or <c>a, b</c>) between <c>---</c> lines. Its
/// translations are <c>Seed/&lt;language&gt;/*.md</c> with the same <c>id</c>, a <c>language</c> and their own
/// <c>title</c>; the root causes belong to the article, so a translation does not repeat them.
/// </summary>
internal sealed record SeedArticle(string Id, string Title, string Body, IReadOnlyList<string> RootCauses, string Language = ArticleLanguages.Source)
{
    public const string Author = "seed";
    private const string ResourcePrefix = "Leeway.Knowledge.Seed.";

    private static readonly Lazy<IReadOnlyList<SeedArticle>> Embedded = new(Load);

    /// <summary>The articles embedded in this build, every language, read once per process (every host in eval shares them).</summary>
    public static IReadOnlyList<SeedArticle> LoadEmbedded() => Embedded.Value;

    public bool IsTranslation => Language != ArticleLanguages.Source;

    private static List<SeedArticle> Load()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var articles = new List<SeedArticle>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            articles.Add(Parse(reader.ReadToEnd(), name[ResourcePrefix.Length..]));
        }

        var duplicate = articles.GroupBy(a => (a.Id, a.Language)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"Seed articles: id '{duplicate.Key.Id}' ({duplicate.Key.Language}) is used by more than one file.");
        }

        var sources = articles.Where(a => !a.IsTranslation).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        if (articles.FirstOrDefault(a => a.IsTranslation && !sources.Contains(a.Id)) is { } orphan)
        {
            throw new InvalidDataException($"Seed articles: the {orphan.Language} translation '{orphan.Id}' has no English article.");
        }

        return articles;
    }

    public static SeedArticle Parse(string text, string fileName)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            throw new InvalidDataException($"{fileName}: must start with a '---' front matter line.");
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            throw new InvalidDataException($"{fileName}: front matter has no closing '---' line.");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < end; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw new InvalidDataException($"{fileName} line {i + 1}: expected 'key: value', got '{line}'.");
            }

            var key = line[..colon].Trim();
            if (key is not ("id" or "title" or "root_causes" or "language"))
            {
                throw new InvalidDataException($"{fileName} line {i + 1}: unknown field '{key}' (expected id, title, root_causes, language).");
            }

            fields[key] = line[(colon + 1)..].Trim().Trim('"');
        }

        string Required(string key) => fields.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new InvalidDataException($"{fileName}: front matter field '{key}' is missing or empty.");

        var rootCauses = fields.TryGetValue("root_causes", out var list)
            ? list.Trim('[', ']').Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        var body = string.Join('\n', lines[(end + 1)..]).Trim();
        if (body.Length == 0)
        {
            throw new InvalidDataException($"{fileName}: the article has no body.");
        }

        var language = fields.GetValueOrDefault("language") ?? ArticleLanguages.Source;
        if (!ArticleLanguages.IsKnown(language))
        {
            throw new InvalidDataException($"{fileName}: language '{language}' is not one of {string.Join(", ", ArticleLanguages.All)}.");
        }

        if (language != ArticleLanguages.Source && rootCauses.Length > 0)
        {
            throw new InvalidDataException($"{fileName}: a translation takes its root causes from the English article; remove 'root_causes'.");
        }

        return new SeedArticle(Required("id"), Required("title"), body, rootCauses, language);
    }
}
