using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Leeway.Identity;

/// <summary>
/// ASP.NET Core's rate limiter over the kinds of request a script could flood: chat, "talk to a person" (per customer),
/// staff sign-in and sign-in links (per client address). One partitioned limiter, so a customer's chat budget is the
/// same whether they write through the API or the meter. A refusal is 429 with <c>Retry-After</c> and a ProblemDetails
/// body that says when to try again. The windows run on wall-clock time (the limiter's own timer), not the injected
/// clock: they protect the process, not a business rule.
/// </summary>
internal static class RateLimits
{
    public const string Chat = "chat";
    public const string Person = "person";
    public const string SignIn = "sign-in";
    public const string SignInLink = "sign-in-link";

    public static WebApplicationBuilder AddRateLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, limits.Value));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions limits)
    {
        var marked = http.GetEndpoint()?.Metadata.GetOrderedMetadata<RateLimitedAttribute>().FirstOrDefault(a => a.Matches(http));
        if (marked is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var (permits, seconds) = marked.Kind switch
        {
            Chat => (limits.ChatPermits, limits.ChatWindowSeconds),
            Person => (limits.PersonPermits, limits.PersonWindowSeconds),
            SignIn => (limits.SignInPermits, limits.SignInWindowSeconds),
            SignInLink => (limits.SignInLinkPermits, limits.SignInLinkWindowSeconds),
            _ => throw new InvalidOperationException($"Unknown rate limit kind '{marked.Kind}' on {http.GetEndpoint()?.DisplayName}."),
        };
        // Customers are counted as themselves wherever they come from; anyone else (signing in) by address.
        var caller = marked.Kind is Chat or Person && http.User.CustomerId() is { } customer
            ? "customer:" + customer
            : "address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return RateLimitPartition.GetFixedWindowLimiter($"{marked.Kind}|{caller}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromSeconds(seconds),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
                title: "Too many requests",
                detail: $"That was a lot of requests in a short time. Please try again in {seconds} seconds.",
                statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(http);
    }
}
