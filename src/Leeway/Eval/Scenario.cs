using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Eval;

/// <summary>One scenario file (see ../shared/scenario-format.md), validated. <see cref="World"/> is kept as JSON for the sandbox.</summary>
internal sealed record Scenario(
    string Id,
    string Title,
    string File,
    DateTimeOffset Now,
    string Customer,
    JsonObject World,
    IReadOnlyList<ScenarioCustomer> Customers,
    IReadOnlyList<ScenarioEvent> Events,
    TimeSpan? Advance,
    IReadOnlyList<string> Conversation,
    IReadOnlyDictionary<string, JsonNode> Policy,
    IReadOnlyList<ScenarioFault> Faults,
    ScenarioExpect Expect)
{
    /// <summary>The conversation in order: the customer's messages (<see cref="Conversation"/>) and, between them, the
    /// links they complete (v1.1 <c>complete_link</c>). Null: the messages alone.</summary>
    public IReadOnlyList<ScenarioTurn>? Turns { get; init; }

    public IReadOnlyList<ScenarioTurn> AllTurns => Turns ?? Conversation.Select(m => new ScenarioTurn(m, null)).ToList();
}

/// <summary>One conversation item: a message to Lee, or the customer completing the last link handed to them, with the
/// card they type in (<c>complete_link.payment_method</c>, as the sandbox's <c>/_sandbox/links/complete</c> takes it).</summary>
internal sealed record ScenarioTurn(string? Message, JsonObject? CompleteLink);

/// <summary>The parts of a world customer that the product's own sources (entitlements, usage) are fed from.</summary>
internal sealed record ScenarioCustomer(string Id, IReadOnlyList<ScenarioEntitlement> Entitlements, IReadOnlyList<ScenarioUsage> Usage);

internal sealed record ScenarioEntitlement(string Feature, bool Active, string Source);

internal sealed record ScenarioUsage(string Meter, DateTimeOffset PeriodStart, DateTimeOffset PeriodEnd, long Quantity, long Amount);

internal sealed record ScenarioEvent(string Type, string ObjectId);

internal sealed record ScenarioFault(string Source, string Mode);

internal sealed record ScenarioExpect(
    JsonObject? Diagnosis,
    string? Outcome,
    IReadOnlyList<ExpectedAction> Actions,
    IReadOnlyList<ExpectedAction> Forbidden,
    IReadOnlyDictionary<string, JsonObject> State,
    IReadOnlyList<ExpectedNudge> Nudges,
    IReadOnlyList<string> ReplyMustNotContain,
    int? MaxTurns);

internal sealed record ExpectedAction(ActionType Type, string? Target, long? Amount)
{
    public override string ToString() => WireName.Of(Type) + (Target is null ? "" : $" {Target}") + (Amount is null ? "" : $" ({Amount})");
}

internal sealed record ExpectedNudge(string? Channel, string Reason)
{
    public override string ToString() => (Channel is null ? "" : Channel + " ") + Reason;
}

/// <summary>A scenario file that breaks the format: one line naming the file, the JSON path and the value.</summary>
internal sealed class ScenarioFormatException(string file, string path, string problem)
    : Exception($"{file}: {path}: {problem}")
{
    public string File { get; } = file;

    public string JsonPath { get; } = path;

    internal static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) is { Length: > 60 } s ? s[..57] + "..." : node.ToJsonString();
}
