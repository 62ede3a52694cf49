using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Leeway.StripeSandbox.Objects;
using Leeway.StripeSandbox.Wire;

namespace Leeway.StripeSandbox.Webhooks;

/// <summary>
/// Posts every event to every enabled endpoint that wants it, signed like Stripe. Failures (non-2xx, no answer) are
/// retried with back-off on the sandbox clock (run when the clock is advanced) and in real time (standalone use).
/// One sender at a time, so an endpoint sees events in the order they happened.
/// </summary>
internal sealed class WebhookDispatcher(World world, TimeProvider machine, SandboxTrace? trace = null) : IAsyncDisposable
{
    /// <summary>Back-off between attempts (seconds), then every 12 hours, up to three days after the first.</summary>
    private static readonly long[] Backoff = [60, 300, 1800, 7200, 18000, 36000, 43200];
    private const long GiveUpAfter = 3 * 24 * 3600;

    private readonly Channel<Delivery> _firstAttempts = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Lock _sync = new();
    private readonly List<Delivery> _deliveries = [];
    private readonly Dictionary<string, List<Delivery>> _byEvent = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = TimeSpan.FromSeconds(30) };
    private Task _loops = Task.CompletedTask;

    public void Start() => _loops = Task.WhenAll(Task.Run(SendFirstAttemptsAsync), Task.Run(RetryInRealTimeAsync));

    /// <summary>Called under the world lock as an event is emitted.</summary>
    public void Enqueue(EventRecord e)
    {
        var endpoints = world.All<WebhookEndpoint>().Where(w => w.Wants(e.Type)).OrderBy(w => w.Sequence).ToList();
        e.PendingWebhooks = endpoints.Count;
        if (endpoints.Count == 0)
        {
            return;
        }

        // Each endpoint receives the event labelled with its own API version. The sandbox has one shape per object (the
        // pinned version's), so only the label differs: enough for a receiver to see a version it did not ask for.
        var rendered = world.Render(e);
        var payloads = new Dictionary<string, string>(StringComparer.Ordinal);
        string PayloadFor(WebhookEndpoint endpoint)
        {
            if (!payloads.TryGetValue(endpoint.EventApiVersion, out var payload))
            {
                rendered["api_version"] = endpoint.EventApiVersion;
                payload = rendered.ToJsonString(JsonWire.Options);
                payloads[endpoint.EventApiVersion] = payload;
            }

            return payload;
        }

        var deliveries = endpoints.Select(endpoint => new Delivery
        {
            Id = StripeIds.New("whdel_"),
            EventId = e.Id,
            EventType = e.Type,
            EndpointId = endpoint.Id,
            Url = endpoint.Url,
            Secret = endpoint.Secret,
            Payload = PayloadFor(endpoint),
            FirstScheduled = world.Now,
        }).ToList();
        lock (_sync)
        {
            _deliveries.AddRange(deliveries);
            _byEvent[e.Id] = deliveries;
        }

        foreach (var delivery in deliveries)
        {
            trace?.Webhook(delivery.Payload);
            _firstAttempts.Writer.TryWrite(delivery);
        }
    }

    /// <summary>Completes when every first attempt for these events has finished (delivered or failed).</summary>
    public Task FirstAttemptsAsync(IEnumerable<string> eventIds, CancellationToken cancellationToken)
    {
        List<Task> tasks;
        lock (_sync)
        {
            tasks = eventIds.SelectMany(id => _byEvent.GetValueOrDefault(id) ?? []).Select(d => d.FirstAttempt.Task).ToList();
        }

        return Task.WhenAll(tasks).WaitAsync(cancellationToken);
    }

    /// <summary>Completes when every first attempt queued so far has finished.</summary>
    public Task IdleAsync(CancellationToken cancellationToken)
    {
        List<Task> tasks;
        lock (_sync)
        {
            tasks = _deliveries.Select(d => d.FirstAttempt.Task).Where(t => !t.IsCompleted).ToList();
        }

        return Task.WhenAll(tasks).WaitAsync(cancellationToken);
    }

    public List<Delivery> DeliveriesOf(string eventId)
    {
        lock (_sync)
        {
            return [.. _byEvent.GetValueOrDefault(eventId) ?? []];
        }
    }

    /// <summary>The earliest retry due on the sandbox clock at or before <paramref name="until"/>.</summary>
    public long? NextRetryDue(long until)
    {
        lock (_sync)
        {
            return _deliveries.Where(d => d.Status == "pending" && d.NextAttempt <= until).Min(d => d.NextAttempt);
        }
    }

    /// <summary>Runs every retry due at or before <paramref name="now"/> (sandbox clock), oldest first.</summary>
    public async Task RunDueAsync(long now, CancellationToken cancellationToken)
    {
        List<Delivery> due;
        lock (_sync)
        {
            due = _deliveries.Where(d => d.Status == "pending" && d.NextAttempt <= now).OrderBy(d => d.NextAttempt).ToList();
        }

        foreach (var delivery in due)
        {
            await AttemptAsync(delivery, d => d.NextAttempt <= now, cancellationToken);
        }
    }

    public JsonObject ToJson()
    {
        lock (_sync)
        {
            return new JsonObject
            {
                ["data"] = new JsonArray(_deliveries.Select(d => (JsonNode)new JsonObject
                {
                    ["id"] = d.Id,
                    ["event"] = d.EventId,
                    ["type"] = d.EventType,
                    ["endpoint"] = d.EndpointId,
                    ["url"] = d.Url,
                    ["status"] = d.Status,
                    ["next_attempt"] = d.NextAttempt is { } next ? UnixTime.Iso(next) : null,
                    ["attempts"] = new JsonArray(d.Attempts.Select(a => (JsonNode)new JsonObject
                    {
                        ["time"] = UnixTime.Iso(a.Time),
                        ["status"] = a.Status,
                        ["error"] = a.Error,
                    }).ToArray()),
                }).ToArray()),
            };
        }
    }

    private async Task SendFirstAttemptsAsync()
    {
        try
        {
            await foreach (var delivery in _firstAttempts.Reader.ReadAllAsync(_stop.Token))
            {
                await AttemptAsync(delivery, d => d.Attempts.Count == 0, _stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }

    private async Task RetryInRealTimeAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _stop.Token);
                List<Delivery> due;
                lock (_sync)
                {
                    var now = machine.GetUtcNow();
                    due = _deliveries.Where(d => d.Status == "pending" && d.NextAttemptReal <= now).ToList();
                }

                foreach (var delivery in due)
                {
                    await AttemptAsync(delivery, d => d.NextAttemptReal <= machine.GetUtcNow(), _stop.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Host stopping.
        }
    }

    /// <summary>One attempt, if <paramref name="stillDue"/> holds once it is this sender's turn (the clock-driven and
    /// real-time paths may both have picked the same retry).</summary>
    private async Task AttemptAsync(Delivery delivery, Func<Delivery, bool> stillDue, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            lock (_sync)
            {
                if (delivery.Status != "pending" || !stillDue(delivery))
                {
                    return;
                }
            }

            var timestamp = world.Clock.Unix;
            int? status = null;
            string? error = null;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url)
                {
                    Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("Stripe-Signature", WebhookSigner.Header(delivery.Secret, timestamp, delivery.Payload));
                request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
                using var response = await _http.SendAsync(request, cancellationToken);
                status = (int)response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                error = e.Message;
            }

            lock (_sync)
            {
                delivery.Attempts.Add(new DeliveryAttempt(timestamp, status, error));
                if (status is >= 200 and < 300)
                {
                    delivery.Status = "succeeded";
                    delivery.NextAttempt = null;
                    delivery.NextAttemptReal = null;
                }
                else
                {
                    var wait = Backoff[Math.Min(delivery.Attempts.Count - 1, Backoff.Length - 1)];
                    if (timestamp + wait - delivery.FirstScheduled > GiveUpAfter)
                    {
                        delivery.Status = "failed";
                        delivery.NextAttempt = null;
                        delivery.NextAttemptReal = null;
                    }
                    else
                    {
                        delivery.NextAttempt = timestamp + wait;
                        delivery.NextAttemptReal = machine.GetUtcNow().AddSeconds(wait);
                    }
                }
            }

            lock (world.Sync)
            {
                if (world.Find<EventRecord>(delivery.EventId) is { } e && delivery.Status != "pending")
                {
                    e.PendingWebhooks = Math.Max(0, e.PendingWebhooks - 1);
                }
            }
        }
        finally
        {
            _sending.Release();
            delivery.FirstAttempt.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _firstAttempts.Writer.TryComplete();
        await _stop.CancelAsync();
        try
        {
            await _loops;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        lock (_sync)
        {
            foreach (var delivery in _deliveries)
            {
                delivery.FirstAttempt.TrySetResult();
            }
        }

        _http.Dispose();
        _stop.Dispose();
        _sending.Dispose();
    }
}
