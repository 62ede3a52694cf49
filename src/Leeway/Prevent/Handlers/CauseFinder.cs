using Leeway.Diagnostics;
using Leeway.Diagnostics.Sources;

namespace Leeway.Prevent.Handlers;

/// <summary>
/// Asks the shared diagnosis why an object (an invoice, a checkout session, a card) is in trouble, so Tier 0 names the
/// same root cause as Lee and the dashboard. A customer whose payments are blocked for risk is that, whatever the
/// object; otherwise the highest-precedence finding about the object; otherwise what the event itself implies.
/// A diagnosis without Stripe's answer is never taken for the truth: it throws <see cref="PartialDiagnosisException"/>,
/// and the event is retried later rather than handled with a guess.
/// </summary>
internal sealed class CauseFinder(IDiagnosisService diagnoses)
{
    public async Task<Cause> FindAsync(string customerId, string objectId, RootCause fallbackReason, CancellationToken cancellationToken)
    {
        var diagnosis = Whole(customerId, await diagnoses.DiagnoseAsync(customerId, cancellationToken));
        if (diagnosis is null)
        {
            return new Cause(fallbackReason, null, null);
        }

        if (diagnosis.RootCause == RootCause.PaymentBlockedRisk)
        {
            return new Cause(RootCause.PaymentBlockedRisk, diagnosis, diagnosis.Primary);
        }

        var about = diagnosis.Findings
            .Where(f => f.ObjectIds.Contains(objectId, StringComparer.Ordinal))
            .OrderBy(f => f.RootCause.Rank())
            .FirstOrDefault();
        return about is null ? new Cause(fallbackReason, diagnosis, null) : new Cause(about.RootCause, diagnosis, about);
    }

    /// <summary>The diagnosis, if Stripe (what every Tier 0 decision rests on) answered; else the event must wait.</summary>
    private static Diagnosis? Whole(string customerId, Diagnosis? diagnosis) =>
        diagnosis?.Sources.Where(s => s.Name == SourceNames.Stripe && !s.Answered).Select(s => $"{s.Name} ({s.Error})").ToList() is { Count: > 0 } missing
            ? throw new PartialDiagnosisException(customerId, missing)
            : diagnosis;
}
