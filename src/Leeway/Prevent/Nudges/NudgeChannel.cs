namespace Leeway.Prevent.Nudges;

/// <summary>Where a nudge goes: the scenario format's channel names.</summary>
internal static class NudgeChannel
{
    public const string Email = "email";
    public const string InApp = "in_app";
}
