using System.Text.Json.Serialization;

namespace Leeway.Knowledge;

/// <summary>
/// One version of an article, in one language, as it was written, and by whom (<c>seed</c>, <c>human:&lt;staff id&gt;</c>, …).
/// A translation's versions are numbered on their own; <see cref="SourceVersion"/> is the English version it translates.
/// </summary>
internal sealed record ArticleVersion(
    [property: JsonPropertyName("article_id")] string ArticleId,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("root_causes")] IReadOnlyList<string> RootCauses,
    [property: JsonPropertyName("author")] string Author,
    [property: JsonPropertyName("written_at")] DateTimeOffset WrittenAt,
    [property: JsonPropertyName("language")] string Language = ArticleLanguages.Source,
    [property: JsonPropertyName("source_version")] int? SourceVersion = null);
