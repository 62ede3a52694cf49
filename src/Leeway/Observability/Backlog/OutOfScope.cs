using System.Globalization;
using System.Text.Json.Serialization;

namespace Leeway.Observability.Backlog;

/// <summary>
/// The cases the classifier read as not about billing (intent <c>other</c>): counted apart from the Pareto rows and left
/// out of the cost figures, with how sure the classifier was. A high share with low confidence says the export holds
/// cases the model does not know, not that they are out of scope.
/// </summary>
/// <param name="Share">Of all cases ranked.</param>
/// <param name="Unsure">How many were read with a confidence under <see cref="ConfidenceFloor"/>.</param>
internal sealed record OutOfScope(
    [property: JsonPropertyName("cases")] long Cases,
    [property: JsonPropertyName("share")] double Share,
    [property: JsonPropertyName("mean_confidence")] double MeanConfidence,
    [property: JsonPropertyName("unsure_cases")] long Unsure,
    [property: JsonPropertyName("confidence_floor")] double ConfidenceFloor)
{
    /// <summary>One sentence for the table, the chart page and anyone reading the ranking.</summary>
    public string Describe() => Cases == 0
        ? "No case was read as out of scope (not about billing)."
        : string.Create(CultureInfo.InvariantCulture,
            $"Out of scope (not about billing): {Cases:N0} cases, {Share:P1} of all, counted apart and left out of the costs; the classifier's mean confidence on them {MeanConfidence:0.00}, {Unsure:N0} under Lee's confidence floor ({ConfidenceFloor:0.00}).");
}
