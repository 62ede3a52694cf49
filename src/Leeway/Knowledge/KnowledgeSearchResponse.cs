using System.Text.Json.Serialization;

namespace Leeway.Knowledge;

internal sealed record KnowledgeSearchResponse(
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("root_cause")] string? RootCause,
    [property: JsonPropertyName("hits")] IReadOnlyList<KnowledgeSearchHit> Hits);

internal sealed record KnowledgeSearchHit(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("snippet")] string Snippet,
    [property: JsonPropertyName("score")] float Score,
    [property: JsonPropertyName("root_causes")] IReadOnlyList<string> RootCauses,
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("language")] string Language);
