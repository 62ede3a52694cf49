namespace Leeway.Prevent;

public static class PreventRegistration
{
    public static WebApplicationBuilder AddPrevent(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapPrevent(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
