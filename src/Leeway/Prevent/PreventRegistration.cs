using Leeway.Storage;

namespace Leeway.Prevent;

public static class PreventRegistration
{
    public static WebApplicationBuilder AddPrevent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PreventOptions>().BindConfiguration(PreventOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration($"{PreventOptions.Section}:Smtp").ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ISchema, PreventSchema>();

        builder.Services.AddSingleton<WebhookInbox>();
        builder.Services.AddSingleton<WebhookHandlers>();
        builder.Services.AddSingleton<WebhookProcessor>();
        builder.Services.AddSingleton<WebhookIntake>();
        builder.Services.AddSingleton<KnownCustomers>();

        builder.Services.AddSingleton<NudgeOutbox>();
        builder.Services.AddSingleton<INudgeStore>(sp => sp.GetRequiredService<NudgeOutbox>());
        builder.Services.AddSingleton<NudgeMailer>();
        builder.Services.AddSingleton<NudgeDispatcher>();

        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<IScheduledWork, ScheduledWork>();
        builder.Services.AddHostedService<PreventScheduler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPrevent(this IEndpointRouteBuilder app) => app.MapPreventApi();
}
