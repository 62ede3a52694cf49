namespace Leeway.Policy;

/// <summary>
/// Agent Lee's names, in one place. Lee is written down in three roles, each spelled once and kept as it is, because
/// each is persisted: the audit log's actor (hash-chained, so never rewritten), the author of Lee's lines in a
/// conversation and a handoff transcript, and where a case or a recovered payment came from. Policy holds them because
/// every capability that reads those records (Agent, Humans, SelfHeal, Routing) may depend on Policy.
/// </summary>
internal static class LeeNames
{
    /// <summary>The gate's actor when Lee acts (<see cref="Actor.AgentLee"/>): what the audit log records.</summary>
    public const string Actor = "agent-lee";

    /// <summary>The author of Lee's lines in a conversation and in a case's transcript.</summary>
    public const string Author = "lee";

    /// <summary>Lee's channel: the source of a case Lee opened, the contact log's way a payment was recovered.</summary>
    public const string Source = "agent";

    /// <summary>Lee's name as people read it.</summary>
    public const string Display = "Lee";
}
