using System.Text.Json.Nodes;
using Leeway.Agent;
using Leeway.Humans;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;

namespace Leeway.Eval;

/// <summary>Everything eval saw while running one scenario, read from the product's endpoints and stores and the sandbox's record.</summary>
internal sealed record ScenarioObservation(
    JsonObject? Diagnosis,
    string? DiagnosisError,
    IReadOnlyList<ChatReply> Replies,
    IReadOnlyList<double> ReplyLatenciesMs,
    string? ConversationError,
    int RequestsBeforeConversation,
    IReadOnlyList<SandboxRequest> Requests,
    IReadOnlyList<ObservedAction> Actions,
    IReadOnlyDictionary<string, JsonObject?> States,
    IReadOnlyList<Nudge> Nudges,
    IReadOnlyList<Case> Cases,
    IReadOnlyDictionary<string, string> IssuedLinkOwners)
{
    /// <summary>The run as it read: turns, replies, actions with the gate's decisions, links, nudges, cases.</summary>
    public EvalTranscript Transcript { get; init; } = EvalTranscript.Empty;

    /// <summary>Failed <c>complete_link</c> items, one clause each ("no link to complete", the page refusing).</summary>
    public IReadOnlyList<string> LinkFailures { get; init; } = [];

    /// <summary>The sequence of the first request Stripe saw after the customer first completed a link, if they did.</summary>
    public int? FirstRequestAfterLinkCompleted { get; init; }

    public string? FinalState => Replies.Count > 0 ? Replies[^1].State : null;

    /// <summary>The 1-based customer turn at which the conversation first reached this state, if it did.</summary>
    public int? TurnReaching(string state)
    {
        for (var i = 0; i < Replies.Count; i++)
        {
            if (Replies[i].State == state)
            {
                return i + 1;
            }
        }

        return null;
    }
}
