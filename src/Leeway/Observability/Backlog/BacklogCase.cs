namespace Leeway.Observability.Backlog;

/// <summary>One case of a backlog export: where it is in the file, and the customer's words to classify.</summary>
/// <param name="Line">The 1-based line of the file where the case starts.</param>
/// <param name="Text">Subject and description, as the customer wrote them.</param>
/// <param name="CreatedAt">Null when the export has no CreatedDate column or the value is not a date.</param>
internal sealed record BacklogCase(long Line, string? CaseNumber, string Text, DateTimeOffset? CreatedAt);
