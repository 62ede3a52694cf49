namespace Leeway.Agent;

public static class AgentRegistration
{
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapAgent(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
