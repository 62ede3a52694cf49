using System.Text.Json.Serialization;

namespace Leeway.Observability.Backlog;

/// <summary>A row of the export that could not be read, by its line in the file; the rest of the file is still read.</summary>
internal sealed record CsvRowProblem(
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("problem")] string Problem);
