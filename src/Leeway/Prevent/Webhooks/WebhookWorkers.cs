using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Prevent.Webhooks;

/// <summary>
/// Handles stored webhook events in the background, so Stripe's acknowledgement waits only for the inbox write.
/// <see cref="PreventOptions.Workers"/> lanes run at once; a customer's events always share a lane and are handled one
/// after another, in the order they arrived. Each event is claimed in the inbox before its handlers run, so an event
/// that recovery or another host already took is not handled twice. What is still queued when the host stops is in the
/// inbox, reserved until its lease expires, and handled after the restart.
/// </summary>
internal sealed class WebhookWorkers : BackgroundService, IWebhookBacklog
{
    private readonly WebhookInbox _inbox;
    private readonly WebhookProcessor _processor;
    private readonly ILogger<WebhookWorkers> _logger;
    private readonly Channel<Queued>[] _lanes;
    private readonly Lock _sync = new();
    private readonly SortedSet<long> _unhandled = [];
    private readonly List<(long Upto, TaskCompletionSource Done)> _waiters = [];
    private long _last;

    public WebhookWorkers(WebhookInbox inbox, WebhookProcessor processor, IOptions<PreventOptions> options, Billing.StripeRateLimits limits, ILogger<WebhookWorkers> logger)
    {
        _inbox = inbox;
        _processor = processor;
        _logger = logger;
        _lanes = Enumerable.Range(0, options.Value.LanesFor(limits.PerSecond))
            .Select(_ => Channel.CreateUnbounded<Queued>(new UnboundedChannelOptions { SingleReader = true }))
            .ToArray();
    }

    /// <summary>Queues a stored event for handling on its customer's lane.</summary>
    /// <param name="parsed">The verified event as the intake parsed it, so the handlers need not parse it again.</param>
    public void Enqueue(InboxEvent stored, Event parsed)
    {
        long sequence;
        lock (_sync)
        {
            sequence = ++_last;
            _unhandled.Add(sequence);
        }

        var key = stored.CustomerId ?? stored.ObjectId ?? stored.EventId;
        var lane = _lanes[(int)((uint)StringComparer.Ordinal.GetHashCode(key) % (uint)_lanes.Length)];
        if (!lane.Writer.TryWrite(new Queued(stored, parsed, sequence)))
        {
            // Stopping: the event is in the inbox and is handled after the restart.
            Handled(sequence);
        }
    }

    public Task HandledAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            if (_unhandled.Count == 0)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((_last, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var lane in _lanes)
        {
            lane.Writer.TryComplete();
        }

        try
        {
            await base.StopAsync(cancellationToken);
        }
        finally
        {
            // Whoever waits must not wait forever: what was not handled is in the inbox for the next run.
            lock (_sync)
            {
                _unhandled.Clear();
                ReleaseWaiters(long.MaxValue);
            }
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_lanes.Select(lane => Task.Run(() => RunLaneAsync(lane.Reader, stoppingToken), CancellationToken.None)));

    private async Task RunLaneAsync(ChannelReader<Queued> lane, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (stored, parsed, sequence) in lane.ReadAllAsync(stoppingToken))
            {
                try
                {
                    if (await _inbox.TryClaimQueuedAsync(stored.EventId, stoppingToken))
                    {
                        await _processor.ProcessAsync(stored, stoppingToken, parsed);
                    }
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    // The claim itself failed (the database): the event stays in the inbox and the scheduled work takes it.
                    _logger.LogError(e, "Handling Stripe event {EventId} failed before it started; the scheduled work tries again", stored.EventId);
                }
                finally
                {
                    Handled(sequence);
                }
            }
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping, as after a crash: claims expire and the inbox is processed again after the restart.
        }
    }

    private void Handled(long sequence)
    {
        lock (_sync)
        {
            _unhandled.Remove(sequence);
            ReleaseWaiters(_unhandled.Count == 0 ? long.MaxValue : _unhandled.Min - 1);
        }
    }

    /// <summary>Completes the waiters whose events (up to their sequence number) are all handled.</summary>
    private void ReleaseWaiters(long handledUpTo)
    {
        for (var i = _waiters.Count - 1; i >= 0; i--)
        {
            if (_waiters[i].Upto <= handledUpTo)
            {
                _waiters[i].Done.TrySetResult();
                _waiters.RemoveAt(i);
            }
        }
    }

    private readonly record struct Queued(InboxEvent Event, Event Parsed, long Sequence);
}
