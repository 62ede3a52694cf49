using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Prevent.Handlers;

namespace Leeway.Prevent.Nudges;

/// <summary>What Tier 0 decided to tell a customer: why (the cause), about what, and how the fix link is obtained —
/// a gate action (<see cref="Fix"/>), a link Stripe already shows (<see cref="Link"/>), or none.</summary>
/// <param name="DecisionKey">The event id or job key: the gate derives its idempotency key from it, so a repeat never acts twice.</param>
/// <param name="NeedsHuman">Tier 0 cannot fix this: a case is opened and the customer told a person will follow up.</param>
internal sealed record NudgeDecision(
    string CustomerId,
    Cause Cause,
    string ObjectId,
    BillingAction? Fix,
    string? Link,
    string DecisionKey,
    bool NeedsHuman = false);
