using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Policy;

namespace Leeway.SelfHeal;

/// <summary>One click on a one-click fix: the fix, what the gate decided and Stripe did, and the diagnosis it was offered on.</summary>
/// <param name="Billing">Null when Stripe could not be read for the page.</param>
internal sealed record FixAttempt(string CustomerId, OneClickFix Fix, GateOutcome Outcome, Diagnosis Diagnosis, BillingSnapshot? Billing);
