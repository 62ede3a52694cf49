using Leeway.Diagnostics.Explanations;

namespace Leeway.Diagnostics.Rules;

/// <summary>
/// Runs every rule over one input and folds the findings into a <see cref="Diagnosis"/>: findings in precedence order
/// (<see cref="RootCause.All"/>), the first decides the root cause, whose row fixes status, action and self-serve.
/// Pure: the same input gives the same diagnosis.
/// </summary>
internal static class RuleEngine
{
    /// <summary>One rule per root cause (payment failures share one); their order only breaks ties within a rank.</summary>
    public static readonly IReadOnlyList<IDiagnosisRule> Rules =
    [
        new DisputeOpenRule(),
        new CustomerRiskRule(),
        new PaymentFailureRule(),
        new PaymentLinkExpiredRule(),
        new InvoicePastDueRule(),
        new DuplicateChargeRule(),
        new SourceUnavailableRule(),
        new EntitlementMismatchRule(),
        new UsageSpikeRule(),
        new CardExpiringSoonRule(),
        new RefundInProgressRule(),
        new PaymentDueRule(),
    ];

    public static IReadOnlyList<Finding> Findings(DiagnosisInput input)
    {
        var findings = Rules.SelectMany(rule => rule.Evaluate(input)).ToList();
        // A fallback finding about an object another finding names is that finding's to say.
        var explained = findings.Where(f => !f.RootCause.IsFallback()).SelectMany(f => f.ObjectIds).ToHashSet(StringComparer.Ordinal);
        return findings
            .Where(f => !f.RootCause.IsFallback() || !f.ObjectIds.Any(explained.Contains))
            .OrderBy(f => f.RootCause.Rank())
            .ToList();
    }

    public static Diagnosis Diagnose(string customerId, DiagnosisInput input, IReadOnlyList<SourceReport> sources)
    {
        var findings = Findings(input);
        var cause = (findings.Count > 0 ? findings[0].RootCause : RootCause.None).Traits();
        return new Diagnosis(
            customerId,
            cause.Status,
            cause.Code,
            ExplanationWriter.Write(cause.Code, findings),
            cause.RecommendedAction,
            cause.SelfServeEligible,
            findings,
            sources,
            input.Now)
        { AboutInvoice = input.Billing?.AboutInvoice };
    }
}
