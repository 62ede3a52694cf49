namespace Leeway.Diagnostics;

/// <summary>
/// The diagnosis with the result cache in front (<c>Diagnostics:Cache:Enabled</c>). Only complete diagnoses are kept:
/// one missing a source is computed again next time, so the source's return shows at once; one read for a single
/// invoice (<see cref="Diagnosis.AboutInvoice"/>) is never served as the customer's.
/// </summary>
internal sealed class CachingDiagnosisService(DiagnosisService inner, DiagnosisCache cache) : IDiagnosisService
{
    public async Task<Diagnosis?> DiagnoseAsync(string customerId, CancellationToken cancellationToken)
    {
        if (Billing.StripeReadScope.FocusOf(customerId) is null && cache.Get(customerId) is { } cached)
        {
            return cached;
        }

        var generation = cache.Generation(customerId);
        var diagnosis = await inner.DiagnoseAsync(customerId, cancellationToken);
        if (diagnosis is not null && diagnosis.Sources.All(s => s.Answered) && diagnosis.AboutInvoice is null)
        {
            cache.Store(customerId, generation, diagnosis);
        }

        return diagnosis;
    }
}
