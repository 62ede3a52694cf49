using Leeway.Agent.Understanding;

namespace Leeway.Routing;

/// <summary>
/// The one routing table, read top to bottom; the first row that matches decides. docs/operations.md prints it.
/// The order is the policy: safety (a person asked for, a dispute, high risk) before identity, identity before
/// cost. The last row matches everything, so no contact is left without a tier, and every tier leaves a person
/// reachable (Lee escalates on request, on a refusal a person could grant, on doubt).
/// </summary>
internal sealed class RoutingTable : IContactRouter
{
    /// <summary>Intents the dashboard's one-click fixes or a self-serve link can settle.</summary>
    public static readonly IReadOnlySet<string> SelfServeIntents = new HashSet<string>
    {
        Intent.PaymentFailed, Intent.UpdateCard, Intent.PaymentLink, Intent.RetryPayment,
    };

    /// <summary>Intents that move money or question a charge: acting on them needs a proven identity.</summary>
    public static readonly IReadOnlySet<string> MoneyIntents = new HashSet<string>
    {
        Intent.RefundRequest, Intent.DuplicateCharge, Intent.UnrecognizedCharge,
    };

    /// <summary>Questions that need no account data: answered from knowledge, signed in or not.</summary>
    public static readonly IReadOnlySet<string> GeneralQuestions = new HashSet<string>
    {
        Intent.BillingQuestion, Intent.UsageQuestion, Intent.Other,
    };

    public static IReadOnlyList<RoutingRule> Rules { get; } =
    [
        new("asks_for_human", "intent = talk_to_human", f => f.Intent == Intent.TalkToHuman, Tier.Human, false,
            "The customer asked for a person."),
        new("dispute", "intent = dispute", f => f.Intent == Intent.Dispute, Tier.Human, false,
            "A dispute or chargeback is handled only by a person."),
        new("high_risk", "risk = high", f => f.Risk == "high", Tier.Human, false,
            "The customer is flagged high risk: a person reviews before anything changes."),
        new("enterprise_cancel", "plan = enterprise and intent = cancel_subscription",
            f => f.Plan == "enterprise" && f.Intent == Intent.CancelSubscription, Tier.Human, false,
            "An enterprise cancellation goes to a person (account manager)."),
        new("unverified_money", "not authenticated and intent in (refund_request, duplicate_charge, unrecognized_charge)",
            f => !f.Authenticated && MoneyIntents.Contains(f.Intent), Tier.Human, false,
            "Money questions from an unverified sender need a person to confirm who they are."),
        new("general_question", "intent in (billing_question, usage_question, other)",
            f => GeneralQuestions.Contains(f.Intent), Tier.Agent, false,
            "A question Lee answers from knowledge (and clarifies when unsure)."),
        new("unverified_sign_in", "not authenticated",
            f => !f.Authenticated, Tier.Agent, false,
            "Lee replies asking the sender to sign in, where the account can be read and fixed."),
        new("self_serve_fix", "intent in (payment_failed, update_card, payment_link, retry_payment) and self-serve eligible (or not yet diagnosed)",
            f => SelfServeIntents.Contains(f.Intent) && f.SelfServeEligible != false, Tier.SelfHeal, true,
            "The customer can fix this in one click on the dashboard; Lee takes over if that does not fix it."),
        new("agent_acts", "any other intent",
            _ => true, Tier.Agent, false,
            "Lee diagnoses and acts within policy, and escalates when a person must decide."),
    ];

    public RoutingDecision Route(ContactFacts facts)
    {
        var normalized = facts with { Plan = facts.Plan.ToLowerInvariant(), Risk = facts.Risk.ToLowerInvariant() };
        var rule = Rules.First(r => r.Matches(normalized));
        return new RoutingDecision(rule.Tier, rule.Name, rule.Reason, rule.Tier1First, HumanReachable: true);
    }
}
