namespace Leeway.Humans;

public static class HumansRegistration
{
    public static WebApplicationBuilder AddHumans(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapHumans(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
