using Leeway.Policy.Facts;
using Leeway.Policy.Rules;

namespace Leeway.Policy.Actions;

/// <summary>Carries out an allowed action on Stripe with the decision's idempotency key and confirms it from Stripe's resulting state.</summary>
internal interface IActionExecutor
{
    /// <exception cref="Stripe.StripeException">Stripe refused or failed (after the resilience pipeline's retries); a card decline is a result, not an exception.</exception>
    Task<ActionExecution> ExecuteAsync(BillingAction action, PolicyDecision decision, GateFacts facts, string idempotencyKey, CancellationToken cancellationToken);
}
