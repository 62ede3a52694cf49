using Leeway.Agent;

namespace Leeway.Routing;

/// <summary>How a contact ended: the conversation states (<see cref="ConversationState"/>) plus what only the log knows.</summary>
internal static class ContactOutcome
{
    public const string Resolved = ConversationState.Resolved;
    public const string SelfServe = ConversationState.SelfServe;
    public const string Answered = ConversationState.Answered;
    public const string Escalated = ConversationState.Escalated;

    /// <summary>A Tier 0 nudge went out in place of a contact.</summary>
    public const string Prevented = "prevented";

    /// <summary>The customer left before any outcome. Not a dead end: a person was reachable.</summary>
    public const string Abandoned = "abandoned";

    /// <summary>Ended with neither a fix nor a person. Must never happen; counted so it shows if it does.</summary>
    public const string DeadEnd = "dead_end";

    public static IReadOnlyList<string> All { get; } = [Resolved, SelfServe, Answered, Escalated, Prevented, Abandoned, DeadEnd];

    /// <summary>Settled without a person.</summary>
    public static bool IsAutomated(string outcome) => outcome is Resolved or SelfServe or Answered;
}
