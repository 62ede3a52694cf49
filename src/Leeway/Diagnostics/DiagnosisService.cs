using System.Diagnostics;
using Leeway.Billing;
using Leeway.Diagnostics.Rules;
using Leeway.Diagnostics.Sources;
using Leeway.Policy;
using Leeway.Policy.Rules;
using Microsoft.Extensions.Options;

namespace Leeway.Diagnostics;

/// <summary>
/// Reads Stripe, entitlements and usage concurrently, each under its own deadline, and hands what answered to the
/// rules. A source that fails or misses its deadline becomes <c>source_unavailable</c>; the diagnosis never fails for it.
/// </summary>
internal sealed class DiagnosisService(
    DiagnosisSources sources,
    IOptions<DiagnosticsOptions> options,
    TimeProvider time,
    ILogger<DiagnosisService> logger,
    IPolicyProvider? policy = null) : IDiagnosisService
{
    public async Task<Diagnosis?> DiagnoseAsync(string customerId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        var deadlines = options.Value.Deadlines;
        var stripe = ReadAsync(SourceNames.Stripe, deadlines.For(SourceNames.Stripe), ct => sources.Stripe.ReadAsync(customerId, ct), cancellationToken);
        var entitlements = ReadAsync(SourceNames.Entitlements, deadlines.For(SourceNames.Entitlements), ct => sources.Entitlements.ReadAsync(customerId, ct), cancellationToken);
        var usage = ReadAsync(SourceNames.Usage, deadlines.For(SourceNames.Usage), ct => sources.Usage.ReadAsync(customerId, ct), cancellationToken);
        await Task.WhenAll(stripe, entitlements, usage);

        var (billing, stripeReport) = stripe.Result;
        if (stripeReport.Answered && billing is null)
        {
            return null; // Stripe answered: no such customer.
        }

        var reports = new[] { stripeReport, entitlements.Result.Report, usage.Result.Report };
        var input = new DiagnosisInput(
            billing,
            entitlements.Result.Value,
            usage.Result.Value,
            reports.Where(r => !r.Answered).Select(r => r.Name).ToList(),
            policy?.Current ?? new PolicySettings(), // until a policy provider is registered, the format's defaults
            time.GetUtcNow());
        return RuleEngine.Diagnose(customerId, input, reports);
    }

    /// <summary>
    /// One source under its deadline. The deadline is wall-clock time (not the injected clock, which eval may hold
    /// still or move in jumps): it bounds how long a person waits. The read is also told to stop when it passes.
    /// </summary>
    private async Task<(T? Value, SourceReport Report)> ReadAsync<T>(
        string name, TimeSpan deadline, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var readCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        readCancellation.CancelAfter(deadline);
        try
        {
            var value = await Task.Run(() => read(readCancellation.Token), readCancellation.Token).WaitAsync(deadline, cancellationToken);
            return (value, new SourceReport(name, true, ElapsedMs(started), null));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            logger.LogWarning("Diagnostics source {Source} missed its {Deadline} ms deadline", name, deadline.TotalMilliseconds);
            return (default, new SourceReport(name, false, ElapsedMs(started), "timeout"));
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Diagnostics source {Source} failed", name);
            return (default, new SourceReport(name, false, ElapsedMs(started), "error"));
        }
    }

    private static long ElapsedMs(long started) => (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
