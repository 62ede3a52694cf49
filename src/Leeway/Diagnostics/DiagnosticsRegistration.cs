using Leeway.Billing;
using Leeway.Diagnostics.Sources;
using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Diagnostics;

internal static class DiagnosticsRegistration
{
    public static WebApplicationBuilder AddDiagnostics(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiagnosticsOptions>().BindConfiguration(DiagnosticsOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DiagnosticsOptions>, DiagnosticsOptionsValidator>();

        services.AddSingleton<ISchema, EmbeddedSourceSchema>();
        services.AddSingleton<EmbeddedSourceStore>();
        services.AddHttpClient(HttpEntitlementSource.ClientName);
        services.AddHttpClient(ClickHouseUsageSource.ClientName);
        services.AddSingleton(EntitlementSource);
        services.AddSingleton(UsageSource);
        services.AddSingleton(sp => new DiagnosisSources(
            Options(sp).FaultFor(SourceNames.Stripe) is { } fault ? new FaultInjectingBillingReader(fault) : sp.GetRequiredService<IBillingReader>(),
            sp.GetRequiredService<IEntitlementSource>(),
            sp.GetRequiredService<IUsageSource>()));

        services.AddSingleton<DiagnosisService>();
        services.AddSingleton<DiagnosisCache>();
        services.AddSingleton<IDiagnosisCache>(sp => sp.GetRequiredService<DiagnosisCache>());
        services.AddSingleton<IDiagnosisService>(sp => Options(sp).Cache.Enabled
            ? new CachingDiagnosisService(sp.GetRequiredService<DiagnosisService>(), sp.GetRequiredService<DiagnosisCache>())
            : sp.GetRequiredService<DiagnosisService>());
        return builder;
    }

    public static IEndpointRouteBuilder MapDiagnostics(this IEndpointRouteBuilder app) => app.MapDiagnosticsApi();

    private static DiagnosticsOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<DiagnosticsOptions>>().Value;

    private static IEntitlementSource EntitlementSource(IServiceProvider services)
    {
        var options = Options(services);
        IEntitlementSource source = options.Entitlements.Kind == EntitlementSourceOptions.Http
            ? new HttpEntitlementSource(services.GetRequiredService<IHttpClientFactory>(), new Uri(options.Entitlements.BaseUrl!))
            : new EmbeddedEntitlementSource(services.GetRequiredService<EmbeddedSourceStore>());
        return options.FaultFor(SourceNames.Entitlements) is { } fault ? new FaultInjectingEntitlementSource(source, fault) : source;
    }

    private static IUsageSource UsageSource(IServiceProvider services)
    {
        var options = Options(services);
        IUsageSource source = options.Usage.Kind == UsageSourceOptions.ClickHouse
            ? new ClickHouseUsageSource(services.GetRequiredService<IHttpClientFactory>(), options.Usage)
            : new EmbeddedUsageSource(services.GetRequiredService<EmbeddedSourceStore>());
        return options.FaultFor(SourceNames.Usage) is { } fault ? new FaultInjectingUsageSource(source, fault) : source;
    }
}
