using System.Text;

namespace Leeway.Eval;

/// <summary><c>leeway eval --transcripts</c>: a scenario's first failing run (or its first run) as people read a chat.</summary>
internal static class TranscriptView
{
    public static string Render(ScenarioResult result)
    {
        var run = result.Runs.FirstOrDefault(r => !r.Passed) ?? (result.Runs.Count > 0 ? result.Runs[0] : null);
        if (run is null)
        {
            return "";
        }

        var text = new StringBuilder();
        var transcript = run.Transcript;
        foreach (var turn in transcript.Turns)
        {
            text.AppendLine($"  [{turn.Turn}] customer: {turn.Customer}");
            foreach (var action in turn.Actions)
            {
                var verdict = !action.Allowed ? $"refused ({action.Rule})" : action.Succeeded ? "done" : "failed";
                var amount = action.Amount is { } a ? $" {a}" : "";
                text.AppendLine($"      action: {action.Type}{(action.Target is null ? "" : $" {action.Target}")}{amount}: {verdict}");
            }

            foreach (var link in turn.Links)
            {
                text.AppendLine($"      link: {link.Kind} {link.Url}");
            }

            var reply = (turn.Lee ?? "(no reply)").ReplaceLineEndings("\n          ");
            text.AppendLine($"      lee ({turn.State}{(turn.LatencyMs is { } ms ? $", {ms:0} ms" : "")}): {reply}");
        }

        foreach (var nudge in transcript.Nudges)
        {
            text.AppendLine($"  nudge: {nudge.Channel} {nudge.Reason} ({nudge.State}){(nudge.Link is null ? "" : $" {nudge.Link}")}");
        }

        foreach (var opened in transcript.Cases)
        {
            text.AppendLine($"  case {opened.Id} ({opened.Status}): {opened.Reason} [{opened.TranscriptLines} lines, {opened.ActionsAttempted} actions]");
        }

        return text.ToString();
    }
}
