namespace Leeway.Routing;

/// <summary>What the router knows about one incoming contact when it decides the tier.</summary>
/// <param name="Channel">Where it came in: <c>chat</c>, <c>dashboard</c>, <c>email</c> (see <see cref="ContactChannel"/>).</param>
/// <param name="Intent">The classifier's intent (<c>Leeway.Agent.Understanding.Intent</c>).</param>
/// <param name="Confidence">The classifier's confidence in <paramref name="Intent"/>, 0..1.</param>
/// <param name="Authenticated">The customer proved who they are (a customer token); an email sender has not.</param>
/// <param name="Plan">Stripe customer metadata <c>plan</c> (<c>BillingSnapshot.Plan</c>); <c>free</c> when unknown.</param>
/// <param name="Risk">Stripe customer metadata <c>risk</c> (<c>BillingSnapshot.Risk</c>): normal, elevated or high.</param>
/// <param name="SelfServeEligible">The diagnosis says the customer can fix it themselves; null when no diagnosis was read.</param>
internal sealed record ContactFacts(
    string Channel,
    string Intent,
    double Confidence,
    bool Authenticated,
    string Plan,
    string Risk,
    bool? SelfServeEligible);
