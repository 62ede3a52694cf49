using Leeway.Agent.Understanding;
using Leeway.Storage;

namespace Leeway.Routing;

public static class RoutingRegistration
{
    public static WebApplicationBuilder AddRouting(this WebApplicationBuilder builder)
    {
        // Contacts that arrive by mail are classified here; TryAdd, so the Agent's own registration is the same one.
        builder.Services.AddUnderstanding();
        builder.Services.AddSingleton<IContactRouter, RoutingTable>();
        builder.Services.AddSingleton<ISchema, ContactSchema>();
        builder.Services.AddSingleton<IContactLog, ContactLog>();
        return builder;
    }

    public static IEndpointRouteBuilder MapRouting(this IEndpointRouteBuilder app) => app.MapContacts();
}
