namespace Leeway.Diagnostics;

public static class DiagnosticsRegistration
{
    public static WebApplicationBuilder AddDiagnostics(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapDiagnostics(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
