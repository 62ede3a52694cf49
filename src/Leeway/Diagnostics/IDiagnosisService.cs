namespace Leeway.Diagnostics;

internal interface IDiagnosisService
{
    /// <summary>
    /// Diagnoses one customer from Stripe, entitlements and usage read in parallel, each under its deadline.
    /// Never throws for a source failure: that becomes <c>source_unavailable</c>.
    /// </summary>
    /// <returns>Null when the customer does not exist.</returns>
    Task<Diagnosis?> DiagnoseAsync(string customerId, CancellationToken cancellationToken);
}
