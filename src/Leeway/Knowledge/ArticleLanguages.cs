namespace Leeway.Knowledge;

/// <summary>
/// The languages help articles are written in: every article exists in English (the source, the one staff write and
/// improve), and may have a translation in each language Lee speaks. A reader of a language without a current
/// translation reads the English text.
/// </summary>
internal static class ArticleLanguages
{
    public const string Source = "en";

    public static IReadOnlyList<string> All { get; } = ["en", "es", "de", "fr", "pt", "it"];

    public static bool IsKnown(string? language) => language is not null && All.Contains(language, StringComparer.Ordinal);

    /// <summary>The language asked for when it is one articles are written in, else English.</summary>
    public static string Normalize(string? language)
    {
        var code = language?.Trim().ToLowerInvariant();
        if (code is { Length: > 2 } && code[2] is '-' or '_')
        {
            code = code[..2];
        }

        return IsKnown(code) ? code! : Source;
    }
}
