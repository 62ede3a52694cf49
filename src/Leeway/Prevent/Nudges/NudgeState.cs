namespace Leeway.Prevent.Nudges;

/// <summary>
/// A nudge's life: <c>pending</c> (an e-mail not yet accepted by the mail server) → <c>sent</c> (accepted; in-app
/// nudges are sent when stored, since storing is what shows them) or <c>failed</c> (gave up after retries).
/// <c>cancelled</c>: the problem went away before a pending one was sent; <c>resolved</c>: it went away after.
/// </summary>
internal static class NudgeState
{
    public const string Pending = "pending";
    public const string Sent = "sent";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Resolved = "resolved";
}
