namespace Leeway.Policy;

public static class PolicyRegistration
{
    public static WebApplicationBuilder AddPolicy(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapPolicy(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
