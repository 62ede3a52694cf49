namespace Leeway.Humans;

/// <summary>
/// A case is <see cref="Open"/> until a person closes it. While open it may wait: on the customer
/// (<see cref="WaitingOnCustomer"/>, back to the team when the customer writes) or on something else
/// (<see cref="OnHold"/>). Waiting is the case's <see cref="Case.Hold"/>; <see cref="Case.Status"/> stays open, so every
/// rule about open cases (one per conversation and problem, replies, approvals) holds while it waits.
/// </summary>
internal static class CaseStatus
{
    public const string Open = "open";
    public const string WaitingOnCustomer = "waiting_on_customer";
    public const string OnHold = "on_hold";
    public const string Closed = "closed";

    /// <summary>Every state a person sees, in the order a case moves through them.</summary>
    public static readonly IReadOnlyList<string> States = [Open, WaitingOnCustomer, OnHold, Closed];

    public static bool IsHold(string? value) => value is WaitingOnCustomer or OnHold;

    public static string Label(string state) => state switch
    {
        Open => "Open",
        WaitingOnCustomer => "Waiting on customer",
        OnHold => "On hold",
        Closed => "Closed",
        _ => state,
    };
}
