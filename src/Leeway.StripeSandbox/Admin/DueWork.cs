using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Payments;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Admin;

/// <summary>
/// What happens by itself as time passes, in time order: open checkout sessions expire, subscriptions set to cancel
/// reach their cancel time, subscriptions renew at the end of their period (<see cref="Renewal"/>), Stripe retries
/// failed invoice payments at their <c>next_payment_attempt</c> (<see cref="SmartRetries"/>), failed webhooks are retried.
/// </summary>
internal static class DueWork
{
    /// <summary>Moves the clock to <paramref name="target"/> step by step through everything due on the way.
    /// Returns after the resulting webhooks' first delivery attempts finished.</summary>
    public static async Task AdvanceAsync(Sandbox sandbox, long target, CancellationToken cancellationToken)
    {
        var world = sandbox.World;
        while (true)
        {
            long? next;
            lock (world.Sync)
            {
                next = NextDue(world, target);
            }

            var retry = sandbox.Webhooks.NextRetryDue(target);
            var at = (next, retry) switch
            {
                (null, null) => (long?)null,
                (null, { } r) => r,
                ({ } n, null) => n,
                ({ } n, { } r) => Math.Min(n, r),
            };
            if (at is not { } step)
            {
                break;
            }

            world.Clock.MoveTo(UnixTime.From(step));
            List<EventRecord> emitted;
            lock (world.Sync)
            {
                world.TakeEmitted();
                Run(world, step);
                emitted = world.TakeEmitted();
            }

            await sandbox.Webhooks.FirstAttemptsAsync(emitted.Select(e => e.Id), cancellationToken);
            await sandbox.Webhooks.RunDueAsync(step, cancellationToken);
        }

        world.Clock.MoveTo(UnixTime.From(target));
    }

    /// <summary>The state part of <see cref="AdvanceAsync"/>, under the world lock (a test clock's advance): webhook
    /// retries then run from the real-time loop or the next admin advance.</summary>
    public static void RunUntil(World world, long target)
    {
        while (NextDue(world, target) is { } step)
        {
            world.Clock.MoveTo(UnixTime.From(step));
            Run(world, step);
        }

        world.Clock.MoveTo(UnixTime.From(target));
    }

    private static long? NextDue(World world, long until)
    {
        var times = world.All<CheckoutSession>().Where(s => s.Status == "open" && s.ExpiresAt <= until).Select(s => s.ExpiresAt)
            .Concat(world.All<Subscription>().Where(s => s.Status != "canceled" && s.CancelAt <= until).Select(s => s.CancelAt!.Value))
            .Concat(world.All<Subscription>().Where(Renewal.Renews).Select(s => Renewal.PeriodEnd(world, s)).OfType<long>().Where(t => t <= until))
            .Concat(SmartRetries.Due(world, until).Select(i => i.NextPaymentAttempt!.Value))
            .ToList();
        return times.Count == 0 ? null : times.Min();
    }

    /// <summary>Everything due at or before <paramref name="now"/> (under the world lock).</summary>
    public static void Run(World world, long now)
    {
        foreach (var session in world.All<CheckoutSession>().Where(s => s.Status == "open" && s.ExpiresAt <= now).OrderBy(s => s.ExpiresAt).ToList())
        {
            session.Status = "expired";
            world.Emit("checkout.session.expired", session);
        }

        foreach (var subscription in world.All<Subscription>().Where(s => s.Status != "canceled" && s.CancelAt <= now).OrderBy(s => s.CancelAt).ToList())
        {
            subscription.Status = "canceled";
            subscription.CanceledAt ??= now;
            subscription.EndedAt = subscription.CancelAt;
            subscription.CancellationReason ??= "cancellation_requested";
            world.Emit("customer.subscription.deleted", subscription);
        }

        foreach (var subscription in world.All<Subscription>().Where(Renewal.Renews).ToList())
        {
            while (Renewal.Renews(subscription) && Renewal.PeriodEnd(world, subscription) is { } end && end <= now
                && !(subscription.CancelAt is { } cancelAt && cancelAt <= end))
            {
                Renewal.Renew(world, subscription, end);
            }
        }

        foreach (var invoice in SmartRetries.Due(world, now).OrderBy(i => i.NextPaymentAttempt).ToList())
        {
            SmartRetries.Retry(world, invoice);
        }
    }
}
