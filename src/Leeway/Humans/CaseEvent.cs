using System.Text.Json.Serialization;

namespace Leeway.Humans;

/// <summary>One entry of a case's timeline: who (<c>agent-lee</c>, <c>tier0</c>, <c>human:&lt;staff id&gt;</c>, …) did what, when.</summary>
internal sealed record CaseEvent(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("case")] string CaseId,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("detail")] string? Detail);

/// <summary>The kinds of <see cref="CaseEvent"/>.</summary>
internal static class CaseEventKind
{
    public const string Opened = "opened";
    public const string Updated = "updated";
    public const string Message = "message";
    public const string Action = "action";
    public const string Closed = "closed";
    public const string ArticleCreated = "article_created";
    public const string ArticleImproved = "article_improved";

    /// <summary>The case was given to a staff member (detail: <c>human:&lt;id&gt;</c>), or to nobody (no detail).</summary>
    public const string Assigned = "assigned";

    /// <summary>The case started or stopped waiting (detail: the state, <see cref="CaseStatus"/>).</summary>
    public const string StatusChanged = "status";

    /// <summary>A staff member's internal note: on the timeline for the team, never in the customer's conversation.</summary>
    public const string Note = "note";

    /// <summary>Another case of the same customer was merged into this one (detail: its id), or this one into another (on the merged case).</summary>
    public const string Merged = "merged";
}
