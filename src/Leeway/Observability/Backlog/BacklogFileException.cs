namespace Leeway.Observability.Backlog;

/// <summary>The export cannot be ranked at all (no such file, no header, no text column). Row problems are not this.</summary>
internal sealed class BacklogFileException(string message) : Exception(message);
