using System.ComponentModel.DataAnnotations;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Nudges;

namespace Leeway.Prevent;

/// <summary>Tier 0: the webhook inbox, the scheduler and the nudge outbox (section <c>Prevent</c>).</summary>
internal sealed class PreventOptions
{
    public const string Section = "Prevent";

    /// <summary>Whether the background service runs <see cref="IScheduledWork.RunDueAsync"/> on a timer.
    /// Eval turns it off and calls <see cref="IScheduledWork.RunDueAsync"/> itself after every clock step.</summary>
    public bool SchedulerEnabled { get; set; } = true;

    [Range(1, 86_400)]
    public int SchedulerPeriodSeconds { get; set; } = 30;

    /// <summary>How many webhook events are handled at once, in the background (a customer's events one at a time, in order).
    /// 0 (the default): enough to keep Stripe's rate limit busy while each event waits on its few round trips,
    /// <see cref="LanesFor"/>.</summary>
    [Range(0, 256)]
    public int Workers { get; set; }

    /// <summary>
    /// The lanes for a host allowed <paramref name="stripeRequestsPerSecond"/> (null: no limit known). An event costs about
    /// three Stripe requests in two or three sequential round trips: at 100 ms a trip, half as many lanes as requests a
    /// second keep the budget in use (100/s → 50) with room for slower trips; never fewer than 16.
    /// </summary>
    public int LanesFor(int? stripeRequestsPerSecond) =>
        Workers > 0 ? Workers : Math.Clamp((stripeRequestsPerSecond ?? 0) / 2, 16, 256);

    /// <summary>How long a worker owns an inbox row, job or nudge it claimed. A crashed worker's claim expires after this.</summary>
    [Range(1, 3_600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Processing attempts of one inbox event (or one job, or one e-mail) before it is left as <c>failed</c> for a human.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Days between Leeway's retries of an invoice Stripe will not retry (no <c>next_payment_attempt</c>) (attempt 1, 2, 3, …; the last
    /// repeats). Empty: 1, 3, 5, 7. (Left empty here because configuration binding appends to an array's defaults.)</summary>
    public int[] RetryBackoffDays { get; set; } = [];

    public IReadOnlyList<int> Backoff => RetryBackoffDays.Length > 0 ? RetryBackoffDays : DefaultBackoffDays;

    private static readonly int[] DefaultBackoffDays = [1, 3, 5, 7];

    /// <summary>At most one nudge per customer, reason, object and channel within this many hours.</summary>
    [Range(1, 24 * 30)]
    public int NudgeDedupeHours { get; set; } = 24;

    /// <summary>A card that expires before the renewal is pointed out again after this many days if still not replaced
    /// (the scan runs daily; a daily reminder would be noise).</summary>
    [Range(1, 60)]
    public int CardReminderDays { get; set; } = 7;

    /// <summary>How many generations of renewed checkout links one original link may have (a renewed link that expires
    /// again is renewed again, up to this depth).</summary>
    [Range(0, 10)]
    public int MaxLinkRenewals { get; set; } = 3;

    public SmtpOptions Smtp { get; set; } = new();
}
