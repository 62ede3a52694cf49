using System.Text.Json.Serialization;
using Leeway.Agent;
using Leeway.Humans;
using Leeway.Policy;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;
using Leeway.Storage;

namespace Leeway.Eval;

/// <summary>
/// What one run looked like, so replies can be read and judged (scenario format v1.1, Output): every customer turn,
/// Lee's reply, the actions attempted with the gate's decision and rule, the links handed, the nudges and the case.
/// </summary>
internal sealed record EvalTranscript(
    [property: JsonPropertyName("turns")] IReadOnlyList<EvalTranscriptTurn> Turns,
    [property: JsonPropertyName("nudges")] IReadOnlyList<EvalTranscriptNudge> Nudges,
    [property: JsonPropertyName("cases")] IReadOnlyList<EvalTranscriptCase> Cases)
{
    public static readonly EvalTranscript Empty = new([], [], []);

    public static EvalTranscript From(
        IReadOnlyList<string> messages,
        IReadOnlyList<ChatReply> replies,
        IReadOnlyList<double> latenciesMs,
        IReadOnlyList<(int Turn, GateOutcome Outcome)> actions,
        IReadOnlyList<Nudge> nudges,
        IReadOnlyList<Case> cases)
    {
        var turns = messages.Select((message, i) => new EvalTranscriptTurn(
            i + 1,
            message,
            i < replies.Count ? replies[i].Reply : null,
            i < replies.Count ? replies[i].State : null,
            i < latenciesMs.Count ? Math.Round(latenciesMs[i], 2) : null,
            actions.Where(a => a.Turn == i + 1).Select(a => EvalTranscriptAction.From(a.Outcome)).ToList(),
            i < replies.Count ? replies[i].Links.Select(l => new EvalTranscriptLink(WireName.Of(l.Kind), l.Url)).ToList() : [],
            i < replies.Count ? replies[i].CaseId : null)).ToList();
        return new EvalTranscript(
            turns,
            nudges.Select(n => new EvalTranscriptNudge(n.Channel, WireName.Of(n.Reason), n.Link, n.State)).ToList(),
            cases.Select(c => new EvalTranscriptCase(c.Id, c.Reason, c.Status, c.Packet.Transcript.Count, c.Packet.ActionsAttempted.Count)).ToList());
    }
}

internal sealed record EvalTranscriptTurn(
    [property: JsonPropertyName("turn")] int Turn,
    [property: JsonPropertyName("customer")] string Customer,
    [property: JsonPropertyName("lee")] string? Lee,
    [property: JsonPropertyName("state")] string? State,
    [property: JsonPropertyName("latency_ms")] double? LatencyMs,
    [property: JsonPropertyName("actions")] IReadOnlyList<EvalTranscriptAction> Actions,
    [property: JsonPropertyName("links")] IReadOnlyList<EvalTranscriptLink> Links,
    [property: JsonPropertyName("case")] string? Case);

internal sealed record EvalTranscriptAction(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("amount")] long? Amount,
    [property: JsonPropertyName("allowed")] bool Allowed,
    [property: JsonPropertyName("rule")] string Rule,
    [property: JsonPropertyName("succeeded")] bool Succeeded)
{
    public static EvalTranscriptAction From(GateOutcome o) => new(WireName.Of(o.Action), o.Result?.ObjectId, o.Result?.Amount, o.Allowed, o.Rule, o.Succeeded);
}

internal sealed record EvalTranscriptLink(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("url")] string Url);

internal sealed record EvalTranscriptNudge(
    [property: JsonPropertyName("channel")] string Channel,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("link")] string? Link,
    [property: JsonPropertyName("state")] string State);

internal sealed record EvalTranscriptCase(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("transcript_lines")] int TranscriptLines,
    [property: JsonPropertyName("actions_attempted")] int ActionsAttempted);
