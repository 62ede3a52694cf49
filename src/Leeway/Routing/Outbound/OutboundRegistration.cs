using Leeway.Agent;
using Leeway.Humans;
using Leeway.Storage;

namespace Leeway.Routing.Outbound;

internal static class OutboundRegistration
{
    public static WebApplicationBuilder AddOutboundWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ISchema, OutboundSchema>();
        builder.Services.AddSingleton<OutboundOutbox>();
        builder.Services.AddHttpClient(OutboundDispatcher.ClientName);
        builder.Services.AddSingleton<OutboundDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboundDispatcher>());
        builder.Services.AddSingleton<ICaseEventObserver, CaseEventsOutbound>();
        builder.Services.AddSingleton<IConversationObserver, EscalationsOutbound>();
        return builder;
    }
}
