namespace Leeway.Agent;

/// <summary><c>Agent</c>: how Lee's turns are bounded.</summary>
internal sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>
    /// Wall-clock time one chat turn may take, reads, decision and actions together (Stripe's calls, the gate's retries).
    /// When it runs out, Lee tells the customer what could not be done and hands a person the case with what was attempted,
    /// instead of leaving them waiting on a slow Stripe.
    /// </summary>
    public int TurnDeadlineMs { get; set; } = 6000;

    public TimeSpan TurnDeadline => TimeSpan.FromMilliseconds(TurnDeadlineMs);
}
