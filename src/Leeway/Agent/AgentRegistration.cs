using Leeway.Agent.Understanding;

namespace Leeway.Agent;

public static class AgentRegistration
{
    public static WebApplicationBuilder AddAgent(this WebApplicationBuilder builder)
    {
        builder.Services.AddUnderstanding();
        return builder;
    }

    public static IEndpointRouteBuilder MapAgent(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
