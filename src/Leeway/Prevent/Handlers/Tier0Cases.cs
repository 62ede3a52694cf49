using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Policy;
using Leeway.Storage;

namespace Leeway.Prevent.Handlers;

/// <summary>
/// Tier 3 cases opened by Tier 0, for what it cannot fix (disputes, risk, a link the gate refused). One open case per
/// reason and object: a redelivered event, a second event id or a rerun job merges into the open case instead of opening another.
/// </summary>
internal sealed class Tier0Cases(CaseDesk desk)
{
    public const string Source = CaseSources.Tier0;

    /// <summary>The case about <paramref name="reason"/> on <paramref name="objectId"/>, opened once: the problem key
    /// (<see cref="CaseProblem"/>) is unique among the customer's open cases, so two hosts or two event ids cannot open two.</summary>
    public Task<Case> OpenOnceAsync(
        string customerId,
        RootCause reason,
        string objectId,
        string risk,
        Diagnosis? diagnosis,
        IReadOnlyList<GateOutcome> actions,
        string summary,
        CancellationToken cancellationToken) =>
        desk.OpenWithContextAsync(
            new CaseOpening(customerId, WireName.Of(reason), Source, risk, summary, diagnosis, Outcomes: actions, Problem: CaseProblem.For(WireName.Of(reason), objectId)),
            cancellationToken);
}
