namespace Leeway.Routing;

/// <summary>Where a contact comes in.</summary>
internal static class ContactChannel
{
    public const string Chat = "chat";
    public const string Dashboard = "dashboard";
    public const string Email = "email";

    /// <summary>A Tier 0 nudge: a contact that Leeway made instead of the customer.</summary>
    public const string Prevent = "prevent";

    /// <summary>A case from an imported backlog (Phase 1 ranking); never stored.</summary>
    public const string Backlog = "backlog";
}
