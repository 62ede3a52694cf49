using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.Agent;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.Eval;

/// <summary>Compares what happened with what the scenario expects: one clause per failed check.</summary>
internal static class ScenarioChecks
{
    public static IReadOnlyList<string> Failures(Scenario scenario, ScenarioObservation seen)
    {
        var failures = new List<string>();
        var expect = scenario.Expect;
        if (seen.ConversationError is { } conversationError)
        {
            failures.Add(conversationError);
        }

        failures.AddRange(seen.LinkFailures);

        if (expect.Diagnosis is { } diagnosis)
        {
            if (seen.Diagnosis is null)
            {
                failures.Add($"diagnosis: none ({seen.DiagnosisError})");
            }
            else
            {
                foreach (var (key, want) in diagnosis)
                {
                    var got = seen.Diagnosis[key];
                    if (!JsonNode.DeepEquals(want, got))
                    {
                        failures.Add($"diagnosis.{key} is {Show(got)}, expected {Show(want)}");
                    }
                }
            }
        }

        if (expect.Outcome is { } outcome)
        {
            failures.AddRange(OutcomeFailures(scenario, seen, outcome));
            if (expect.MaxTurns is { } maxTurns && seen.TurnReaching(outcome) is { } turn && turn > maxTurns)
            {
                failures.Add($"outcome {outcome} took {turn} turns, at most {maxTurns} allowed");
            }
        }

        foreach (var action in expect.Actions)
        {
            if (!seen.Actions.Any(a => a.Request.Succeeded && a.Matches(action)))
            {
                var happened = seen.Actions.Where(a => a.Request.Succeeded).Select(a => a.ToString()).ToList();
                failures.Add($"action {action} did not happen on Stripe (happened: {(happened.Count == 0 ? "nothing" : string.Join(", ", happened))})");
            }
        }

        foreach (var violation in PolicyViolations(scenario, seen))
        {
            failures.Add($"forbidden action happened: {violation}");
        }

        foreach (var (id, fields) in expect.State)
        {
            var state = seen.States.GetValueOrDefault(id);
            if (state is null)
            {
                failures.Add($"state: {id} not found in the sandbox");
                continue;
            }

            foreach (var (field, want) in fields)
            {
                if (!JsonNode.DeepEquals(want, state[field]))
                {
                    failures.Add($"state: {id}.{field} is {Show(state[field])}, expected {Show(want)}");
                }
            }
        }

        foreach (var nudge in expect.Nudges)
        {
            if (!seen.Nudges.Any(n => WireName.Of(n.Reason) == nudge.Reason && (nudge.Channel is null || n.Channel == nudge.Channel) && n.State != "failed"))
            {
                var sent = seen.Nudges.Select(n => $"{n.Channel} {WireName.Of(n.Reason)}").ToList();
                failures.Add($"nudge {nudge} was not sent (sent: {(sent.Count == 0 ? "none" : string.Join(", ", sent))})");
            }
        }

        foreach (var banned in expect.ReplyMustNotContain)
        {
            if (seen.Replies.Any(r => r.Reply.Contains(banned, StringComparison.OrdinalIgnoreCase)))
            {
                failures.Add($"a reply contains \"{banned}\"");
            }
        }

        return failures;
    }

    /// <summary>Forbidden actions that were attempted on Stripe (a declined retry counts: it was tried). One exception:
    /// once the customer completed a link, paying an invoice with the card they saved there (<c>/pay</c> naming
    /// <c>payment_method</c>) is the customer's own fix carried through, not the retry a scenario forbids.</summary>
    public static IEnumerable<string> PolicyViolations(Scenario scenario, ScenarioObservation seen) =>
        scenario.Expect.Forbidden
            .SelectMany(f => seen.Actions.Where(a => a.Request.Attempted && a.Matches(f) && !PaidWithSavedCard(a, seen)).Select(a => a.ToString()))
            .Distinct();

    private static bool PaidWithSavedCard(ObservedAction action, ScenarioObservation seen) =>
        action.Type == ActionType.RetryPayment
        && seen.FirstRequestAfterLinkCompleted is { } completed && action.Request.Sequence >= completed
        && action.Request.Params.TryGetValue("payment_method", out var card) && card.Length > 0;

    public static bool IsDeadEnd(ScenarioObservation seen) =>
        seen.Replies.Count > 0 && seen.FinalState is not (ConversationState.Resolved or ConversationState.SelfServe or ConversationState.Answered or ConversationState.Escalated);

    private static IEnumerable<string> OutcomeFailures(Scenario scenario, ScenarioObservation seen, string outcome)
    {
        var state = seen.FinalState ?? "no reply";
        if (state != outcome && seen.TurnReaching(outcome) is null)
        {
            yield return $"outcome is {state}, expected {outcome}";
            yield break;
        }

        var conversationActions = seen.Actions.Where(a => a.Request.Sequence >= seen.RequestsBeforeConversation).ToList();
        switch (outcome)
        {
            case ConversationState.SelfServe:
                var handed = seen.Replies.SelectMany(r => r.Links.Select(l => l.Url).Append(r.Reply)).ToList();
                var issued = seen.IssuedLinkOwners.Where(l => l.Value == scenario.Customer).Select(l => l.Key).ToList();
                if (!issued.Any(url => handed.Any(text => text.Contains(url, StringComparison.Ordinal))))
                {
                    yield return issued.Count == 0
                        ? "self_serve: the sandbox issued no link for this customer during the conversation"
                        : "self_serve: no reply handed over a link the sandbox issued for this customer";
                }

                if (seen.Cases.Count > 0)
                {
                    yield return "self_serve: a human case was opened";
                }

                break;
            case ConversationState.Escalated:
                var handoff = seen.Cases.FirstOrDefault(c => c.Packet.ConversationId is not null && seen.Replies.Any(r => r.ConversationId == c.Packet.ConversationId))
                    ?? (seen.Cases.Count > 0 ? seen.Cases[0] : null);
                if (handoff is null)
                {
                    yield return "escalated: no Tier 3 case exists for the customer";
                    break;
                }

                var customerLines = handoff.Packet.Transcript.Where(l => l.From == "customer").Select(l => l.Text).ToList();
                var sent = scenario.Conversation.Take(seen.TurnReaching(outcome) ?? scenario.Conversation.Count);
                if (!sent.All(customerLines.Contains))
                {
                    yield return "escalated: the handoff packet's transcript lacks the customer's messages";
                }

                if (handoff.Packet.Diagnosis is null)
                {
                    yield return "escalated: the handoff packet holds no diagnosis";
                }

                var acted = conversationActions.Count(a => a.Request.Attempted);
                if (handoff.Packet.ActionsAttempted.Count(a => a.Allowed) < acted)
                {
                    yield return $"escalated: the handoff packet lists {handoff.Packet.ActionsAttempted.Count(a => a.Allowed)} executed actions, Stripe saw {acted}";
                }

                break;
            case ConversationState.Answered:
                if (conversationActions.Any(a => a.Request.Attempted))
                {
                    yield return $"answered: actions were taken ({string.Join(", ", conversationActions.Select(a => a.ToString()))})";
                }

                if (seen.Cases.Count > 0)
                {
                    yield return "answered: a human case was opened";
                }

                break;
        }
    }

    private static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
