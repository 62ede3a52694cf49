using Leeway.Prevent.Webhooks;
using Microsoft.Extensions.Options;

namespace Leeway.Prevent.Jobs;

/// <summary>
/// At start, processes inbox events a previous run stored but did not finish; then, unless
/// <see cref="PreventOptions.SchedulerEnabled"/> is off (eval drives the clock and calls <see cref="IScheduledWork"/>
/// itself), runs <see cref="IScheduledWork.RunDueAsync"/> every <see cref="PreventOptions.SchedulerPeriodSeconds"/>
/// on a timer of the injected clock.
/// </summary>
internal sealed class PreventScheduler(
    IScheduledWork work,
    WebhookProcessor processor,
    IOptions<PreventOptions> options,
    TimeProvider time,
    ILogger<PreventScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            var recovered = await processor.ProcessDueAsync(stoppingToken);
            if (recovered > 0)
            {
                logger.LogInformation("Processed {Count} webhook events left unprocessed by an earlier run", recovered);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Recovering the webhook inbox failed; the scheduler tries again");
        }

        if (!options.Value.SchedulerEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SchedulerPeriodSeconds), time);
        do
        {
            try
            {
                await work.RunDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Scheduled work failed; it runs again next period");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
