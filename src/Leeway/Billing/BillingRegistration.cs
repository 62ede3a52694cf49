using Microsoft.Extensions.Options;
using Stripe;

namespace Leeway.Billing;

internal static class BillingRegistration
{
    public static WebApplicationBuilder AddBilling(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BillingOptions>().BindConfiguration(BillingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<BillingOptions>, BillingOptionsValidator>();
        builder.Services.AddSingleton<StripeRateLimits>();
        builder.Services.AddTransient<StripeTraffic>();
        builder.Services.AddHttpClient("stripe").AddHttpMessageHandler<StripeTraffic>();
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<BillingOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient("stripe");
            http.Timeout = Timeout.InfiniteTimeSpan; // Deadlines are per call (CancellationToken), set by each caller.
            return new StripeClient(new StripeClientOptions
            {
                ApiKey = options.ApiKey,
                ApiBase = options.ApiBase.TrimEnd('/'),
                // Retries belong to the gate's resilience pipeline, which reuses the idempotency key.
                HttpClient = new SystemNetHttpClient(http, maxNetworkRetries: 0),
            });
        });
        builder.Services.AddSingleton<IBillingReader, StripeBillingReader>();
        builder.Services.AddSingleton<CustomerLookup>();
        return builder;
    }

    /// <summary>Each HTTP request (a page, a chat turn, an API call) reads each Stripe resource once (<see cref="StripeReadScope"/>).</summary>
    public static WebApplication UseStripeReadScopes(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            using var scope = StripeReadScope.Begin();
            await next(context);
        });
        return app;
    }
}
