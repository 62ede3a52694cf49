using System.Text.Json.Serialization;
using Leeway.Knowledge;
using Leeway.Policy;

namespace Leeway.Humans;

internal sealed record CloseCaseResponse(
    [property: JsonPropertyName("case")] CaseDetail Case,
    [property: JsonPropertyName("article")] Article? Article);

internal sealed record ApproveActionResponse(
    [property: JsonPropertyName("outcome")] GateOutcome Outcome,
    [property: JsonPropertyName("case")] CaseDetail Case);
