using System.Net;
using Microsoft.Extensions.Options;

namespace Leeway.Billing;

/// <summary>
/// Every request Leeway sends Stripe passes here (the handler of the <c>stripe</c> HttpClient under Stripe.net):
/// <list type="bullet">
/// <item>inside a <see cref="StripeReadScope"/>, a GET already read is answered from the scope (so is a plain GET of an
/// object an expanded answer carried, see <see cref="EmbeddedObjects"/>), and a write forgets the scope's reads;</item>
/// <item>a client-side limit keeps the host under Stripe's rate limit (reads and writes each at
/// <see cref="StripeRateLimits"/>), waiting rather than collecting 429s;</item>
/// <item>a read answered 429 or 5xx (unless Stripe says <c>Stripe-Should-Retry: false</c>) is tried again with
/// exponential back-off and jitter (a refused connection is not: the caller's deadline decides what to do). Writes are not retried here: the gate's resilience pipeline retries
/// them with their idempotency key. (Stripe.net's own <c>maxNetworkRetries</c> would retry writes too, so it stays 0.)</item>
/// </list>
/// </summary>
internal sealed class StripeTraffic : DelegatingHandler
{
    private readonly BillingOptions _options;
    private readonly StripeRateLimits _limits;

    public StripeTraffic(IOptions<BillingOptions> options, StripeRateLimits limits)
    {
        _options = options.Value;
        _limits = limits;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var reads = _options.ShareReadsInScope ? StripeReadScope.Active : null;
        if (request.Method != HttpMethod.Get)
        {
            reads?.ForgetAll();
            using var lease = _limits.Writes is { } writes ? await writes.AcquireAsync(1, cancellationToken) : null;
            var written = await base.SendAsync(request, cancellationToken);
            reads?.ForgetAll();
            return written;
        }

        if (reads is null)
        {
            return await ReadAsync(request, cancellationToken);
        }

        var url = request.RequestUri!.ToString();
        StoredAnswer answer;
        try
        {
            answer = await reads.GetOrRead(url, async () =>
            {
                // The first asker's token must not cancel the answer others wait for: each waits with its own below.
                using var response = await ReadAsync(request, CancellationToken.None);
                var stored = await StoredAnswer.FromAsync(response, CancellationToken.None);
                if (stored.Status == HttpStatusCode.OK && request.RequestUri!.Query.Contains("expand", StringComparison.Ordinal))
                {
                    EmbeddedObjects.Seed(reads, request.RequestUri, stored);
                }

                return stored;
            }).WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            reads.Forget(url);
            throw;
        }

        if (answer.Status != HttpStatusCode.OK)
        {
            reads.Forget(url); // an error is the asker's, not the scope's
        }

        return answer.ToResponse(request);
    }

    private async Task<HttpResponseMessage> ReadAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            using (_limits.Reads is { } reads ? await reads.AcquireAsync(1, cancellationToken) : null)
            {
                response = await base.SendAsync(request, cancellationToken);
            }

            if (attempt >= _options.ReadRetries || !Retryable(response))
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(Backoff(attempt), cancellationToken);
        }
    }

    private static bool Retryable(HttpResponseMessage response)
    {
        if (response.Headers.TryGetValues("Stripe-Should-Retry", out var should) && should.FirstOrDefault() == "false")
        {
            return false;
        }

        return response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
    }

    /// <summary>250 ms, 500 ms, 1 s, 2 s … (at most 4 s), each with up to half again of jitter so retries do not bunch up.</summary>
    private static TimeSpan Backoff(int attempt)
    {
        var baseMs = Math.Min(4000, 250 * (1 << Math.Min(attempt, 5)));
        return TimeSpan.FromMilliseconds(baseMs + Random.Shared.Next(baseMs / 2));
    }
}
