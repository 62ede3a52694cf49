using Leeway.Storage;

namespace Leeway.Knowledge;

internal static class KnowledgeRegistration
{
    public static WebApplicationBuilder AddKnowledge(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISchema, KnowledgeSchema>();
        builder.Services.AddSingleton<ArticleStore>();
        builder.Services.AddSingleton<KnowledgeIndex>();
        builder.Services.AddSingleton<KnowledgeBase>();
        builder.Services.AddSingleton<IKnowledgeBase>(sp => sp.GetRequiredService<KnowledgeBase>());
        // After AddStorage's migrator: hosted services start in registration order, so the tables exist by now.
        builder.Services.AddHostedService<KnowledgeStartup>();
        return builder;
    }

    public static IEndpointRouteBuilder MapKnowledge(this IEndpointRouteBuilder app)
    {
        app.MapKnowledgeApi();
        app.MapKnowledgePages();
        return app;
    }
}
