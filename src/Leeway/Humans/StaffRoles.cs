namespace Leeway.Humans;

public static class StaffRoles
{
    /// <summary>Works the queue: replies, approvals, closes.</summary>
    public const string Support = "support";

    /// <summary>Support, plus managing staff and knowledge.</summary>
    public const string Lead = "lead";

    public static readonly IReadOnlyList<string> All = [Support, Lead];
}
