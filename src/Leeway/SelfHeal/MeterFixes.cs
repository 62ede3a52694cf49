using Leeway.Diagnostics;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Storage;

namespace Leeway.SelfHeal;

/// <summary>
/// The meter's clicks that act on billing, through the gate: a <see cref="OneClickFix"/> (worked out again from a fresh
/// diagnosis, so a page left open never fixes something that has since changed; a refusal a person could grant opens a
/// case) and "keep my plan". Each click is claimed once in the <see cref="ClickLedger"/> and its id is the gate's
/// decision key, so a double click acts once.
/// </summary>
internal sealed class MeterFixes(
    MeterReading reading,
    IGate gate,
    IDiagnosisCache diagnosisCache,
    ClickLedger clicks,
    MeterCases cases,
    MeterObservers observers)
{
    /// <summary>The click ledger's kind for "keep my plan".</summary>
    public const string KeepKind = "keep_plan";

    /// <summary>The click ledger's kind for a one-click fix, by the fix's spelling as posted.</summary>
    public static string FixKindOf(string kind) => $"fix:{kind}";

    /// <summary>Carries out the fix <paramref name="kind"/> on <paramref name="objectId"/> if the diagnosis still offers it.</summary>
    public async Task FixAsync(string customerId, string kind, string objectId, string clickId, CancellationToken ct)
    {
        if (!await clicks.ClaimAsync(clickId, customerId, FixKindOf(kind), ct))
        {
            // A double click or a resubmitted form: the first request acts, this one shows what it did.
            return;
        }

        GateOutcome? outcome = null;
        string? caseId = null;
        try
        {
            var (diagnosis, snapshot) = await reading.ReadAsync(customerId, ct);
            var fix = diagnosis is null ? null : OneClickFix.For(diagnosis, snapshot).FirstOrDefault(f => WireName.Of(f.Kind) == kind && f.ObjectId == objectId);
            if (fix is not null)
            {
                outcome = await gate.ExecuteAsync(Actor.Customer, Principal.Customer(customerId), fix.ToAction(customerId), DecisionKey(customerId, clickId), ct);
                diagnosisCache.Invalidate(customerId);
                var attempt = new FixAttempt(customerId, fix, outcome, diagnosis!, snapshot);
                await observers.TellAsync(customerId, o => o.OnFixAsync(attempt, CancellationToken.None));
                if (!outcome.Allowed && outcome.HumanCanGrant)
                {
                    // Never a dead end: what a person could grant goes to a person, with everything they need.
                    await clicks.CompleteAsync(clickId, outcome, null, ct);
                    caseId = (await cases.OpenAsync(customerId, $"{WireName.Of(fix.Kind)} refused by policy ({outcome.Rule}): {outcome.Message}", null, ct)).Id;
                }
            }
        }
        finally
        {
            await clicks.CompleteAsync(clickId, outcome, caseId, CancellationToken.None);
        }
    }

    /// <summary>"Keep my plan": undoes a scheduled cancellation through the gate (audited, one idempotency key per click).</summary>
    public async Task KeepAsync(string customerId, string subscriptionId, string clickId, CancellationToken ct)
    {
        if (!await clicks.ClaimAsync(clickId, customerId, KeepKind, ct))
        {
            return;
        }

        GateOutcome? outcome = null;
        try
        {
            outcome = await gate.ExecuteAsync(Actor.Customer, Principal.Customer(customerId), new ResumeSubscription(subscriptionId), DecisionKey(customerId, clickId), ct);
            diagnosisCache.Invalidate(customerId);
        }
        finally
        {
            await clicks.CompleteAsync(clickId, outcome, null, CancellationToken.None);
        }
    }

    private static string DecisionKey(string customerId, string clickId) => $"dashboard:{customerId}:{clickId}";
}
