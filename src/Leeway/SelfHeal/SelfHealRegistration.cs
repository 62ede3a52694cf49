namespace Leeway.SelfHeal;

public static class SelfHealRegistration
{
    public static WebApplicationBuilder AddSelfHeal(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapSelfHeal(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
