using System.Text.Json.Serialization;

namespace Leeway.Diagnostics;

/// <summary>The one answer to "what is wrong with this customer's billing?", shared by Tier 0, the dashboard and Lee.</summary>
internal sealed record Diagnosis(
    [property: JsonPropertyName("customer")] string CustomerId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("root_cause")] RootCause RootCause,
    [property: JsonPropertyName("explanation")] string Explanation,
    [property: JsonPropertyName("recommended_action")] RecommendedAction RecommendedAction,
    [property: JsonPropertyName("self_serve_eligible")] bool SelfServeEligible,
    [property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings,
    [property: JsonPropertyName("sources")] IReadOnlyList<SourceReport> Sources,
    [property: JsonPropertyName("computed_at")] DateTimeOffset ComputedAt)
{
    /// <summary>Null for the whole customer. Else the invoice the diagnosis was read for
    /// (<see cref="Billing.BillingSnapshot.AboutInvoice"/>): its findings about other objects may be incomplete.</summary>
    [JsonPropertyName("about_invoice")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AboutInvoice { get; init; }

    /// <summary>The finding that decided the root cause (the first in precedence order), if any.</summary>
    [JsonIgnore]
    public Finding? Primary => Findings.FirstOrDefault(f => f.RootCause == RootCause);
}

/// <summary>One cause found, with the objects it is about and the facts an explanation or an action needs.</summary>
internal sealed record Finding(
    [property: JsonPropertyName("root_cause")] RootCause RootCause,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("objects")] IReadOnlyList<string> ObjectIds,
    [property: JsonPropertyName("facts")] IReadOnlyDictionary<string, string> Facts);

/// <summary>Whether one source answered, and how long it took.</summary>
internal sealed record SourceReport(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("answered")] bool Answered,
    [property: JsonPropertyName("latency_ms")] long LatencyMs,
    [property: JsonPropertyName("error")] string? Error);
