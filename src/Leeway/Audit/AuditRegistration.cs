using Leeway.Storage;
using Microsoft.Extensions.Options;

namespace Leeway.Audit;

internal static class AuditRegistration
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        builder.Services.AddSingleton(sp => AuditCheckpoint.InDataFolder(
            sp.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectory,
            sp.GetRequiredService<IOptions<AuditOptions>>().Value));
        builder.Services.AddSingleton<ISchema, AuditSchema>();
        builder.Services.AddSingleton<IAuditLog, SqlAuditLog>();
        builder.Services.AddSingleton<AuditVerifier>();
        return builder;
    }

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapAuditApi();
        return app;
    }
}
