namespace Leeway.Policy.Actions;

/// <summary>What acting on Stripe gave: the confirmed result, whether it achieved its aim, and whether Stripe replayed an earlier answer for the key.</summary>
internal sealed record ActionExecution(ActionResult Result, bool Succeeded, bool StripeReplayed);
