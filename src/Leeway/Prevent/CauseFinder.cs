using Leeway.Diagnostics;

namespace Leeway.Prevent;

/// <summary>
/// Asks the shared diagnosis why an object (an invoice, a checkout session, a card) is in trouble, so Tier 0 names the
/// same root cause as Lee and the dashboard. A customer whose payments are blocked for risk is that, whatever the
/// object; otherwise the highest-precedence finding about the object; otherwise what the event itself implies.
/// </summary>
internal sealed class CauseFinder(IDiagnosisService diagnoses)
{
    public async Task<Cause> FindAsync(string customerId, string objectId, string fallbackReason, CancellationToken cancellationToken)
    {
        var diagnosis = await diagnoses.DiagnoseAsync(customerId, cancellationToken);
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
            .OrderBy(f => RootCause.Rank(f.RootCause))
            .FirstOrDefault();
        return about is null ? new Cause(fallbackReason, diagnosis, null) : new Cause(about.RootCause, diagnosis, about);
    }

    /// <summary>The finding of this root cause in the customer's diagnosis, if any (e.g. <c>card_expiring_soon</c>).</summary>
    public async Task<Cause?> FindCodeAsync(string customerId, string rootCause, CancellationToken cancellationToken)
    {
        var diagnosis = await diagnoses.DiagnoseAsync(customerId, cancellationToken);
        return diagnosis?.Findings.FirstOrDefault(f => f.RootCause == rootCause) is { } finding ? new Cause(rootCause, diagnosis, finding) : null;
    }
}
