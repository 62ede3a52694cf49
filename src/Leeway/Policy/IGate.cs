using Leeway.Identity;
using Leeway.Policy.Actions;

namespace Leeway.Policy;

/// <summary>
/// The only way to act on Stripe. Checks that the principal owns every object named, that policy allows it and
/// that risk allows it; derives the idempotency key from the decision (so a repeated decision never acts twice);
/// calls Stripe; audits the outcome, denials included.
/// </summary>
internal interface IGate
{
    /// <param name="decisionKey">What makes this decision unique (e.g. conversation id + turn, event id, click id).
    /// The same key for the same action yields the same idempotency key, so it can never act twice.</param>
    /// <param name="approvedBy">Staff id when a human approved an action policy would otherwise refuse.</param>
    Task<GateOutcome> ExecuteAsync(
        Actor actor,
        Principal principal,
        BillingAction action,
        string decisionKey,
        CancellationToken cancellationToken,
        string? approvedBy = null);

    /// <summary>The same checks without acting or auditing: would this be allowed right now?</summary>
    Task<GateOutcome> EvaluateAsync(Actor actor, Principal principal, BillingAction action, CancellationToken cancellationToken);
}
