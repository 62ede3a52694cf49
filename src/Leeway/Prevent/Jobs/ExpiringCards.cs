using System.Collections.Concurrent;
using Leeway.Diagnostics;
using Leeway.Prevent.Handlers;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Prevent.Jobs;

/// <summary>
/// Cards that expire before the next renewal (the diagnosis's <c>card_expiring_soon</c>): a daily scan on the injected
/// clock over customers with active or trialing subscriptions (and every customer seen in events), plus Stripe's card
/// events. The customer gets a card-update link before the renewal fails; once the card is replaced, those nudges are
/// resolved.
/// </summary>
internal sealed class ExpiringCards(
    StripeClient stripe,
    IDiagnosisService diagnoses,
    Nudger nudger,
    NudgeOutbox outbox,
    KnownCustomers known,
    TimeProvider time,
    IOptions<PreventOptions> options,
    ILogger<ExpiringCards> logger) : IJobRunner
{
    /// <summary>Nudge reasons about the card on file: resolved once the diagnosis no longer finds them.</summary>
    private static readonly RootCause[] CardReasons = [RootCause.CardExpiringSoon];

    public string Kind => JobKinds.CardScan;

    /// <summary>Re-reads the customer's diagnosis: nudges when the default card expires before the renewal, and resolves
    /// card nudges that no longer hold (a new card was added).</summary>
    /// <returns>True when a nudge went out.</returns>
    public async Task<bool> CheckAsync(string customerId, string decisionKey, CancellationToken cancellationToken)
    {
        var diagnosis = await diagnoses.DiagnoseAsync(customerId, cancellationToken);
        if (diagnosis is null || diagnosis.Sources.Any(s => s.Name == Diagnostics.Sources.SourceNames.Stripe && !s.Answered))
        {
            return false;
        }

        var holding = diagnosis.Findings.Where(f => CardReasons.Contains(f.RootCause)).ToList();
        var nudges = (await outbox.ListStoredAsync(customerId, null, cancellationToken)).Select(n => n.Nudge).ToList();
        var stale = nudges
            .Where(n => CardReasons.Contains(n.Reason) && n.State is NudgeState.Pending or NudgeState.Sent)
            .Where(n => !holding.Any(f => f.RootCause == n.Reason && f.ObjectIds.Contains(n.ObjectId, StringComparer.Ordinal)))
            .Select(n => n.ObjectId)
            .Distinct()
            .ToList();
        await outbox.ResolveAsync(customerId, stale, CardReasons, cancellationToken);

        if (holding.FirstOrDefault(f => f.RootCause == RootCause.CardExpiringSoon) is not { } finding)
        {
            return false;
        }

        var card = finding.Facts.GetValueOrDefault(FactKeys.PaymentMethod) ?? finding.ObjectIds[0];
        var remindAfter = time.GetUtcNow().AddDays(-options.Value.CardReminderDays);
        if (nudges.Any(n => n.Reason == RootCause.CardExpiringSoon && n.ObjectId == card && n.CreatedAt > remindAfter))
        {
            return false;
        }

        var cause = new Cause(RootCause.CardExpiringSoon, diagnosis, finding);
        var sent = await nudger.NudgeAsync(
            new NudgeDecision(customerId, cause, card, FixActions.For(cause.Reason, customerId, null, null), null, decisionKey),
            cancellationToken);
        return sent.Count > 0;
    }

    public async Task<string> RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var customers = await CandidatesAsync(cancellationToken);
        var nudged = 0;
        var failed = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (customerId, ct) =>
        {
            try
            {
                if (await CheckAsync(customerId, $"{job.Key}:{customerId}", ct))
                {
                    Interlocked.Increment(ref nudged);
                }
            }
            catch (Exception e) when (e is StripeException or HttpRequestException or InvalidOperationException)
            {
                // One customer's trouble does not stop the scan; tomorrow's scan looks again.
                logger.LogWarning(e, "Expiring-card check of {Customer} failed", customerId);
                failed.Add(customerId);
            }
        });
        return $"scanned {customers.Count} customers, nudged {nudged}, failed {failed.Count}";
    }

    private async Task<IReadOnlyList<string>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var customers = new HashSet<string>(await known.ListAsync(cancellationToken), StringComparer.Ordinal);
        foreach (var status in new[] { "active", "trialing" })
        {
            try
            {
                await foreach (var subscription in stripe.V1.Subscriptions.ListAutoPagingAsync(
                    new SubscriptionListOptions { Status = status, Limit = 100 }, cancellationToken: cancellationToken).WithCancellation(cancellationToken))
                {
                    if (!string.IsNullOrEmpty(subscription.CustomerId))
                    {
                        customers.Add(subscription.CustomerId);
                    }
                }
            }
            catch (Exception e) when (e is StripeException or HttpRequestException)
            {
                logger.LogWarning(e, "Listing {Status} subscriptions failed; the scan covers the customers seen in events", status);
            }
        }

        return [.. customers.Order(StringComparer.Ordinal)];
    }
}
