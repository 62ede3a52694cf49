namespace Leeway.Routing;

public static class RoutingRegistration
{
    public static WebApplicationBuilder AddRouting(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapRouting(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
