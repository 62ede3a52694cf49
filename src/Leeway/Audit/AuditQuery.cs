namespace Leeway.Audit;

/// <summary>Which entries to list: filters combine with AND; the newest <see cref="Limit"/> matching entries, oldest first.</summary>
internal sealed record AuditQuery(
    string? Customer = null,
    string? Principal = null,
    string? Action = null,
    string? Decision = null,
    long? BeforeSeq = null,
    int Limit = 200);
