using System.Text.Json.Serialization;

namespace Leeway.Humans;

/// <summary>What staff see of one case: the case with its packet, who closed it, the article it fed, and its timeline.</summary>
internal sealed record CaseDetail(
    [property: JsonPropertyName("case")] Case Case,
    [property: JsonPropertyName("closed_by")] string? ClosedBy,
    [property: JsonPropertyName("article_id")] string? ArticleId,
    [property: JsonPropertyName("events")] IReadOnlyList<CaseEvent> Events);
