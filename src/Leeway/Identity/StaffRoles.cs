namespace Leeway.Identity;

/// <summary>
/// What a staff member may do, each role including the one before it: an <see cref="Agent"/> works the queue (reply,
/// close, staff actions within the agent limits of policy.yaml); a <see cref="Lead"/> also approves what is over those
/// limits and edits knowledge; an <see cref="Admin"/> also manages staff and settings and sees the operations page.
/// </summary>
internal static class StaffRoles
{
    public const string Agent = "agent";
    public const string Lead = "lead";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Agent, Lead, Admin];

    /// <summary>The role's canonical name, or null when it is none of <see cref="All"/>. <c>support</c> is the name
    /// accounts created before roles had three levels carry: it is an agent.</summary>
    public static string? Parse(string? role) => role?.Trim().ToLowerInvariant() switch
    {
        Agent or "support" => Agent,
        Lead => Lead,
        Admin => Admin,
        _ => null,
    };

    /// <summary>Whether someone holding <paramref name="held"/> may do what needs <paramref name="required"/>. An unknown
    /// role may do nothing (fail closed).</summary>
    public static bool Includes(string? held, string required) => Rank(Parse(held)) is > 0 and var rank && rank >= Rank(required);

    private static int Rank(string? role) => role switch
    {
        Agent => 1,
        Lead => 2,
        Admin => 3,
        _ => 0,
    };
}
