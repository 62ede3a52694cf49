using System.Text;
using Microsoft.Extensions.Options;

namespace Leeway.Routing.Outbound;

/// <summary>
/// Posts due deliveries, signed, to their destinations; a non-2xx answer, a timeout or a refused connection is retried
/// with doubling waits until <see cref="OutboundOptions.MaxAttempts"/>. Every host runs one; leases keep them apart.
/// </summary>
internal sealed partial class OutboundDispatcher(
    OutboundOutbox outbox,
    IOptions<OutboundOptions> options,
    IHttpClientFactory clients,
    TimeProvider time,
    ILogger<OutboundDispatcher> logger) : BackgroundService
{
    public const string ClientName = "outbound-webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!outbox.AnyDestination)
        {
            return;
        }

        var poll = TimeSpan.FromMilliseconds(options.Value.PollMilliseconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(logger, e);
            }

            // Wall-clock polling: it paces this loop only; when a delivery is due is the injected clock's business.
            await Task.Delay(poll, stoppingToken);
        }
    }

    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        var lease = TimeSpan.FromSeconds(options.Value.TimeoutSeconds * 3);
        foreach (var delivery in await outbox.ClaimDueAsync(20, lease, cancellationToken))
        {
            var destination = options.Value.Destinations.FirstOrDefault(d => d.Name == delivery.Destination);
            if (destination is null)
            {
                await outbox.RecordAsync(delivery, null, $"no destination named '{delivery.Destination}' is configured any more", cancellationToken);
                continue;
            }

            var (status, error) = await PostAsync(destination, delivery, cancellationToken);
            await outbox.RecordAsync(delivery, status, error, cancellationToken);
        }
    }

    private async Task<(int? Status, string? Error)> PostAsync(OutboundDestination destination, DueDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, destination.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(OutboundSignature.Header, OutboundSignature.Sign(destination.Secret, time.GetUtcNow(), delivery.Body));
        request.Headers.Add("Leeway-Event-Id", delivery.EventId);
        request.Headers.Add("Leeway-Event-Type", delivery.EventType);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"answered {status} {response.ReasonPhrase}");
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (null, e is OperationCanceledException ? $"no answer within {options.Value.TimeoutSeconds} s" : e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbound webhook deliveries failed to run; the next poll tries again")]
    private static partial void Failed(ILogger logger, Exception exception);
}
