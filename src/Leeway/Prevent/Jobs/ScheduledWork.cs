using System.Globalization;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;

namespace Leeway.Prevent.Jobs;

/// <summary>
/// Everything Tier 0 does because time passed, on the injected clock: events stored but not processed (a crash, a
/// failure), due jobs (smart retries, the daily expiring-card scan), and e-mails not yet sent. Every step claims what
/// it runs, so running this twice, or on two hosts at once, is harmless.
/// </summary>
internal sealed class ScheduledWork(
    IWebhookBacklog backlog,
    WebhookProcessor processor,
    JobQueue jobs,
    JobRunners runners,
    NudgeDispatcher dispatcher,
    TimeProvider time,
    ILogger<ScheduledWork> logger) : IScheduledWork
{
    private const int BatchSize = 100;
    private const int MaxRounds = 10;

    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        // Events already acknowledged go first: their handlers may schedule or cancel the jobs that run below.
        await backlog.HandledAsync(cancellationToken);
        var ran = await processor.ProcessDueAsync(cancellationToken);
        await ScheduleDailyScanAsync(cancellationToken);
        ran += await RunDueJobsAsync(cancellationToken);
        ran += await dispatcher.SendDueAsync(cancellationToken);
        return ran;
    }

    /// <summary>One expiring-card scan per UTC day, due at the day's start: the first run of each day does it.</summary>
    private async Task ScheduleDailyScanAsync(CancellationToken cancellationToken)
    {
        if (!runners.Has(JobKinds.CardScan))
        {
            return;
        }

        var today = time.GetUtcNow().UtcDateTime.Date;
        var key = $"{JobKinds.CardScan}:{today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        await jobs.ScheduleAsync(key, JobKinds.CardScan, null, null, new DateTimeOffset(today, TimeSpan.Zero), null, cancellationToken);
    }

    private async Task<int> RunDueJobsAsync(CancellationToken cancellationToken)
    {
        var ran = 0;
        // Jobs can schedule jobs that are due at once; a few rounds pick those up without looping forever.
        for (var round = 0; round < MaxRounds; round++)
        {
            var due = await jobs.ClaimDueAsync(BatchSize, cancellationToken);
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (job, ct) =>
            {
                await RunAsync(job, ct);
                Interlocked.Increment(ref ran);
            });

            if (due.Count == 0)
            {
                break;
            }
        }

        return ran;
    }

    private async Task RunAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        if (runners.For(job.Kind) is not { } runner)
        {
            await jobs.FailAsync(job with { Attempts = int.MaxValue }, $"No runner for job kind '{job.Kind}'.", cancellationToken);
            return;
        }

        try
        {
            using var reads = Billing.StripeReadScope.Begin(); // one job reads each Stripe resource once
            var outcome = await runner.RunAsync(job, cancellationToken);
            await jobs.CompleteAsync(job.Key, outcome, cancellationToken);
            logger.LogInformation("Job {JobKey} ran: {Outcome}", job.Key, outcome);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the claim expires and the job runs again, as after a crash.
            throw;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Job {JobKey} failed (attempt {Attempts}); it runs again later", job.Key, job.Attempts);
            await jobs.FailAsync(job, $"{e.GetType().Name}: {e.Message}", CancellationToken.None);
        }
    }
}
