using Leeway.Prevent.Handlers;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Leeway.Storage;

namespace Leeway.Prevent;

internal static class PreventRegistration
{
    public static WebApplicationBuilder AddPrevent(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PreventOptions>().BindConfiguration(PreventOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.RetryBackoffDays.All(days => days is > 0 and <= 60), "Prevent:RetryBackoffDays: every value must be 1 to 60 days.")
            .ValidateOnStart();
        // Checked here (the mailer reads the same section through PreventOptions) so a bad value fails the start, naming the key.
        builder.Services.AddOptions<SmtpOptions>().BindConfiguration($"{PreventOptions.Section}:Smtp").ValidateDataAnnotations()
            .Validate(o => MimeKit.MailboxAddress.TryParse(o.From, out _), "Prevent:Smtp:From is not an e-mail mailbox (e.g. Billing <billing@example.com>).")
            .ValidateOnStart();
        builder.Services.AddSingleton<ISchema, PreventSchema>();

        builder.Services.AddSingleton<GroupCommit>();
        builder.Services.AddSingleton<WebhookInbox>();
        builder.Services.AddSingleton<WebhookHandlers>();
        builder.Services.AddSingleton<WebhookEndpointSetup>();
        builder.Services.AddSingleton<WebhookProcessor>();
        builder.Services.AddSingleton<WebhookIntake>();
        builder.Services.AddSingleton<WebhookWorkers>();
        builder.Services.AddSingleton<IWebhookBacklog>(sp => sp.GetRequiredService<WebhookWorkers>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WebhookWorkers>());
        builder.Services.AddSingleton<KnownCustomers>();

        builder.Services.AddSingleton<PreventObservers>();
        builder.Services.AddSingleton<NudgeOutbox>();
        builder.Services.AddSingleton<INudgeStore>(sp => sp.GetRequiredService<NudgeOutbox>());
        builder.Services.AddSingleton<NudgeMailer>();
        builder.Services.AddSingleton<NudgeDispatcher>();
        builder.Services.AddHostedService<NudgeSender>();

        builder.Services.AddSingleton<JobQueue>();
        builder.Services.AddSingleton<JobRunners>();
        builder.Services.AddSingleton<IScheduledWork, ScheduledWork>();

        builder.Services.AddSingleton<CauseFinder>();
        builder.Services.AddSingleton<Tier0Cases>();
        builder.Services.AddSingleton<Nudger>();
        builder.Services.AddSingleton<SmartRetries>();
        builder.Services.AddSingleton<IJobRunner>(sp => sp.GetRequiredService<SmartRetries>());
        builder.Services.AddSingleton<ExpiringCards>();
        builder.Services.AddSingleton<IJobRunner>(sp => sp.GetRequiredService<ExpiringCards>());
        builder.Services.AddSingleton<IWebhookHandler, PaymentProblemHandler>();
        builder.Services.AddSingleton<IWebhookHandler, CheckoutLinkHandler>();
        builder.Services.AddSingleton<IWebhookHandler, CardHandler>();
        builder.Services.AddSingleton<IWebhookHandler, CardSavedHandler>();
        builder.Services.AddSingleton<IWebhookHandler, RefundHandler>();
        builder.Services.AddSingleton<IWebhookHandler, DisputeHandler>();
        builder.Services.AddSingleton<IWebhookHandler, InvoiceSettledHandler>();
        builder.Services.AddHostedService<PreventScheduler>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPrevent(this IEndpointRouteBuilder app) => app.MapPreventApi();
}
