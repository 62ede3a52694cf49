using Leeway.Billing;
using Leeway.Diagnostics;
using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Prevent.Webhooks;

/// <summary>
/// Runs the handlers of one claimed inbox event and records the outcome. A failure leaves the event in the inbox to be
/// tried again (<see cref="ProcessDueAsync"/>); a cancellation (shutdown) leaves the claim to expire, as a crash would.
/// </summary>
internal sealed class WebhookProcessor(
    WebhookInbox inbox,
    WebhookHandlers handlers,
    KnownCustomers customers,
    IServiceProvider services,
    IOptions<PreventOptions> options,
    Billing.StripeRateLimits limits,
    ILogger<WebhookProcessor> logger) : IDisposable
{
    private const int BatchSize = 200;

    private readonly SemaphoreSlim _oneRun = new(1, 1);

    /// <param name="parsed">The event as the intake parsed it while verifying, if at hand (parsing it again costs as much
    /// as verifying).</param>
    /// <returns>True when every handler succeeded and the event is marked processed.</returns>
    public async Task<bool> ProcessAsync(InboxEvent stored, CancellationToken cancellationToken, Event? parsed = null)
    {
        // One event reads each Stripe resource once: its handlers, the diagnosis, the gate's facts and the nudge share it.
        using var reads = StripeReadScope.Begin();
        try
        {
            // Verified when it was received; the inbox holds only verified payloads.
            var stripeEvent = parsed ?? EventUtility.ParseEvent(stored.Payload, throwOnApiVersionMismatch: false);
            var e = new WebhookEvent(stored.EventId, stored.Type, stored.ObjectId, stored.CustomerId, stored.StripeCreated, stripeEvent);
            if (stored.CustomerId is { } customerId)
            {
                // Whatever the event says changed, the next diagnosis must read it fresh.
                services.GetService<IDiagnosisCache>()?.Invalidate(customerId);
                await customers.RememberAsync(customerId, cancellationToken);
            }

            foreach (var handler in handlers.For(stored.Type))
            {
                await handler.HandleAsync(e, cancellationToken);
            }

            await inbox.MarkProcessedAsync(stored.EventId, cancellationToken);
            return true;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: whatever broke, broke because of it. The claim expires and the event is processed again,
            // as after a crash; recording a failure now would only delay that.
            throw;
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Processing Stripe event {EventId} ({Type}) failed; it stays in the inbox and is tried again", stored.EventId, stored.Type);
            await inbox.MarkFailedAsync(stored.EventId, $"{error.GetType().Name}: {error.Message}", CancellationToken.None);
            return false;
        }
    }

    /// <summary>Processes every event that is due: never processed (a crash after it was stored), or failed and due again.
    /// One run at a time per host: a caller that arrives while the start-up recovery runs waits for it, so when this
    /// returns, what was due is processed (not merely claimed by a run still going).</summary>
    /// <returns>How many events were processed.</returns>
    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        await _oneRun.WaitAsync(cancellationToken);
        try
        {
            return await ProcessDueOnceAsync(cancellationToken);
        }
        finally
        {
            _oneRun.Release();
        }
    }

    public void Dispose() => _oneRun.Dispose();

    private async Task<int> ProcessDueOnceAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        while (true)
        {
            var due = await inbox.ListDueAsync(BatchSize, cancellationToken);
            var claimed = 0;
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.LanesFor(limits.PerSecond), CancellationToken = cancellationToken }, async (eventId, ct) =>
            {
                if (await inbox.TryClaimAsync(eventId, ct) is not { } stored)
                {
                    return;
                }

                Interlocked.Increment(ref claimed);
                if (await ProcessAsync(stored, ct))
                {
                    Interlocked.Increment(ref processed);
                }
            });

            if (due.Count < BatchSize || claimed == 0)
            {
                return processed;
            }
        }
    }
}
