namespace Leeway.Knowledge;

public static class KnowledgeRegistration
{
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
