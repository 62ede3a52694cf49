using Leeway.Storage;

namespace Leeway.Audit;

public static class AuditRegistration
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
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
