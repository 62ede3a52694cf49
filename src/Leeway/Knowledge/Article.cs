using System.Text.Json.Serialization;

namespace Leeway.Knowledge;

/// <summary>
/// A knowledge article (KCS): a problem, its answer, and the root causes it is about, in one <see cref="Language"/>
/// (English, or a translation of the English article with the same id, version and root causes of its own text).
/// </summary>
internal sealed record Article(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("body")] string Body,
    [property: JsonPropertyName("root_causes")] IReadOnlyList<string> RootCauses,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("updated_at")] DateTimeOffset UpdatedAt,
    [property: JsonPropertyName("language")] string Language = ArticleLanguages.Source);

internal sealed record ArticleHit(Article Article, float Score);
