namespace Leeway.Humans;

/// <summary>A case with who closed it and the knowledge article its resolution created or improved.</summary>
internal sealed record CaseRecord(Case Case, string? ClosedBy, string? ArticleId);
