using Leeway.Agent;
using Leeway.Agent.Understanding;
using Leeway.Humans;
using Leeway.Policy;
using Leeway.Prevent;
using Leeway.Routing.Outbound;
using Leeway.SelfHeal;
using Leeway.Storage;

namespace Leeway.Routing;

internal static class RoutingRegistration
{
    public static WebApplicationBuilder AddRouting(this WebApplicationBuilder builder)
    {
        // Contacts that arrive by mail are classified here; TryAdd, so the Agent's own registration is the same one.
        builder.Services.AddUnderstanding();
        builder.Services.AddSingleton<IContactRouter, RoutingTable>();
        // Every entry point records its contacts through its own capability's observer hook, so none depends on Routing.
        builder.Services.AddSingleton<IConversationObserver, ChatContacts>();
        builder.Services.AddSingleton<IMeterObserver, DashboardContacts>();
        builder.Services.AddSingleton<ICaseEventObserver, CaseContacts>();
        builder.Services.AddSingleton<IPreventObserver, PreventContacts>();
        builder.Services.AddSingleton<IGateObserver, GateRecoveries>();
        builder.AddOutboundWebhooks();
        return builder;
    }

    public static IEndpointRouteBuilder MapRouting(this IEndpointRouteBuilder app) => app.MapContacts().MapOutbound();
}
