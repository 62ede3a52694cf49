using System.Globalization;
using Leeway.Billing;
using Leeway.Identity;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Policy.Rules;
using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Prevent.Jobs;

/// <summary>
/// Retries of soft declines that Stripe will not make itself. While an open invoice names a <c>next_payment_attempt</c>,
/// Stripe's Smart Retries will attempt it (docs.stripe.com/billing/revenue-recovery/smart-retries): Leeway schedules
/// nothing, and a retry that falls due stands down if Stripe has since taken it over, so a card is never charged by
/// both. When Stripe names none (Smart Retries off, or its schedule used up), one retry is scheduled per failed attempt
/// (job key <c>retry_payment:{invoice}:{attempts}</c>) after a back-off of <see cref="PreventOptions.RetryBackoffDays"/>,
/// while the invoice has fewer than <c>retry_max_attempts</c> attempts. An invoice attempted again in the meantime is left
/// alone. When it falls due, the retry reads the invoice again and asks the gate, which has the last word (hard
/// declines, attempts, risk, disputes).
/// </summary>
internal sealed class SmartRetries(
    StripeClient stripe,
    IGate gate,
    JobQueue jobs,
    IPolicyProvider policy,
    TimeProvider time,
    IOptions<PreventOptions> options) : IJobRunner
{
    public string Kind => JobKinds.RetryPayment;

    /// <returns>When the retry is due, or null when none is scheduled (attempts used up, or scheduled already).</returns>
    public async Task<DateTimeOffset?> ScheduleAsync(Invoice invoice, CancellationToken cancellationToken)
    {
        if (invoice.Status != "open" || invoice.AttemptCount >= policy.Current.RetryMaxAttempts)
        {
            return null;
        }

        if (StripeWillRetry(invoice))
        {
            return null;
        }

        var settings = options.Value;
        var due = time.GetUtcNow().AddDays(settings.Backoff[(int)Math.Clamp(invoice.AttemptCount - 1, 0, settings.Backoff.Count - 1)]);
        var key = $"{JobKinds.RetryPayment}:{invoice.Id}:{invoice.AttemptCount.ToString(CultureInfo.InvariantCulture)}";
        var attempts = invoice.AttemptCount.ToString(CultureInfo.InvariantCulture);
        return await jobs.ScheduleAsync(key, JobKinds.RetryPayment, invoice.CustomerId, invoice.Id, due, attempts, cancellationToken) ? due : null;
    }

    /// <summary>Stripe will attempt the invoice again on its own (Smart Retries or its retry schedule).</summary>
    private bool StripeWillRetry(Invoice invoice) => invoice.NextPaymentAttempt.Utc() is { } next && next > time.GetUtcNow();

    public async Task<string> RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        var invoice = await stripe.V1.Invoices.GetAsync(job.ObjectId, cancellationToken: cancellationToken);
        if (invoice.Status != "open")
        {
            return $"skipped: invoice is {invoice.Status}";
        }

        if (long.TryParse(job.Data, CultureInfo.InvariantCulture, out var scheduledAt) && invoice.AttemptCount > scheduledAt)
        {
            return $"skipped: the invoice was attempted again since ({invoice.AttemptCount} attempts)";
        }

        if (StripeWillRetry(invoice))
        {
            return $"skipped: Stripe retries it itself at {invoice.NextPaymentAttempt.Utc()!.Value.ToString("O", CultureInfo.InvariantCulture)}";
        }

        var outcome = await gate.ExecuteAsync(Actor.Tier0, Principal.Customer(invoice.CustomerId), new RetryPayment(invoice.Id), job.Key, cancellationToken);
        if (outcome.Rule == GateRules.StripeError && !outcome.Allowed)
        {
            throw new InvalidOperationException($"The gate could not decide the retry of {invoice.Id}: {outcome.Message}");
        }

        if (!outcome.Allowed)
        {
            return $"refused by the gate ({outcome.Rule}): {outcome.Message}";
        }

        if (outcome.Succeeded)
        {
            return "paid";
        }

        // Declined again. Stripe's invoice.payment_failed will schedule the next retry; this covers an event that never comes.
        var after = await stripe.V1.Invoices.GetAsync(invoice.Id, cancellationToken: cancellationToken);
        var next = await ScheduleAsync(after, cancellationToken);
        return $"declined ({outcome.Result?.Error}); next retry {(next is { } at ? at.ToString("O", CultureInfo.InvariantCulture) : "none")}";
    }
}
