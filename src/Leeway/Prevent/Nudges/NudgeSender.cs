using Microsoft.Extensions.Options;

namespace Leeway.Prevent.Nudges;

/// <summary>Sends queued e-mail nudges, as many at once as there are SMTP connections.</summary>
internal sealed class NudgeSender(NudgeDispatcher dispatcher, IOptions<PreventOptions> options) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Smtp.Connections).Select(_ => Task.Run(() => SendQueuedAsync(stoppingToken), stoppingToken)));

    private async Task SendQueuedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var nudge in dispatcher.Queued.ReadAllAsync(stoppingToken))
            {
                await dispatcher.SendAsync(nudge, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is still queued is pending in the outbox, claimed until its lease expires.
        }
    }
}
