using Leeway.Observability.Cost;
using Leeway.Observability.Drift;
using Leeway.Routing;
using Leeway.Storage;
using OpenTelemetry.Metrics;

namespace Leeway.Observability;

internal static class ObservabilityRegistration
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CostOptions>().BindConfiguration(CostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<DriftOptions>().BindConfiguration(DriftOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<LeewayMetrics>();
        // The contact log is the persisted side of the metrics: Routing records through IContactLog, never knowing it.
        builder.Services.AddSingleton<ISchema, ContactSchema>();
        builder.Services.AddSingleton<IContactLog, ContactLog>();
        builder.Services.AddSingleton<OpsReports>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(LeewayMetrics.MeterName).AddPrometheusExporter());
        return builder;
    }

    public static IEndpointRouteBuilder MapObservability(this IEndpointRouteBuilder app)
    {
        // Prometheus scrapes without a token, as is usual; the page's data under /api/v1/ops needs the service key.
        app.MapPrometheusScrapingEndpoint("/metrics").WithName("GetPrometheusMetrics");
        return app.MapOps();
    }
}
