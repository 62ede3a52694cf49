using Leeway.Agent;
using Leeway.Audit;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Knowledge;
using Leeway.Observability;
using Leeway.Policy;
using Leeway.Prevent;
using Leeway.Routing;
using Leeway.SelfHeal;
using Leeway.Storage;

namespace Leeway;

/// <summary>The product host, as a table of contents: one line per capability. Used by <c>serve</c>, eval and tests alike.</summary>
internal static class LeewayApp
{
    /// <param name="settings">Configuration that overrides appsettings and the environment (eval and tests use it).</param>
    /// <param name="time">The clock; eval passes one that follows the sandbox's.</param>
    /// <param name="services">Last-word registrations, for what only a host can supply (a test's scripted <c>IChatClient</c>).</param>
    public static WebApplication Build(string[] args, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton<IdGenerator>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        builder.AddStorage();
        builder.AddIdentity();
        builder.AddHardening();
        builder.AddBilling();
        builder.AddAudit();
        builder.AddPolicy();
        builder.AddDiagnostics();
        builder.AddKnowledge();
        builder.AddHumans();
        builder.AddAgent();
        builder.AddPrevent();
        builder.AddSelfHeal();
        builder.AddRouting();
        builder.AddObservability();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseHardening();
        app.UseStripeReadScopes();
        app.UseErrorPages();
        // Routing after the error pages, so a status re-executed as its page (/error/404) is routed afresh.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapOpenApi("/openapi/{documentName}.json").WithName("GetOpenApiDocument");

        app.MapIdentity();
        app.MapDiagnostics();
        app.MapPolicy();
        app.MapAudit();
        app.MapKnowledge();
        app.MapHumans();
        app.MapAgent();
        app.MapPrevent();
        app.MapSelfHeal();
        app.MapRouting();
        app.MapObservability();
        return app;
    }
}
