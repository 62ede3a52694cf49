using System.Net;
using Leeway.Policy.Rules;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Stripe;

namespace Leeway.Policy;

/// <summary>
/// How the gate calls Stripe: each attempt under a deadline (<c>stripe_timeout_ms</c>), timeouts and transient failures
/// (network, 409 idempotency-key-in-use, 429, 5xx) retried up to <c>stripe_max_retries</c> times with backoff. The caller
/// builds its <see cref="RequestOptions"/> (and so its idempotency key) once, outside the pipeline, so every retry
/// carries the same key: a timeout after Stripe acted is answered by Stripe's replay, never by a second effect.
/// </summary>
internal sealed class StripeResilience
{
    private readonly ResiliencePipeline _pipeline;

    public StripeResilience(IPolicyProvider policy)
    {
        var settings = policy.Current;
        // Wall-clock time on purpose: a network deadline is about real seconds, whatever clock the world runs on.
        var builder = new ResiliencePipelineBuilder();
        if (settings.StripeMaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = settings.StripeMaxRetries,
                Delay = TimeSpan.FromMilliseconds(100),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            });
        }

        _pipeline = builder.AddTimeout(TimeSpan.FromMilliseconds(settings.StripeTimeoutMs)).Build();
    }

    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        await _pipeline.ExecuteAsync(async token => await call(token), cancellationToken);

    public static bool IsTransient(Exception e) => e switch
    {
        TimeoutRejectedException => true,
        HttpRequestException => true,
        IOException => true,
        // 409: another request with this key is still in flight; once it finishes, the retry gets its replay.
        StripeException s => s.HttpStatusCode is HttpStatusCode.Conflict or HttpStatusCode.TooManyRequests || (int)s.HttpStatusCode >= 500
            || s.InnerException is HttpRequestException or IOException,
        _ => false,
    };
}
