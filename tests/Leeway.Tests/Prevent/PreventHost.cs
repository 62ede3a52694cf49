using System.Net.Http.Headers;
using System.Security.Cryptography;
using Leeway.Identity;
using Leeway.Prevent;
using Leeway.Prevent.Webhooks;
using Leeway.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Prevent;

/// <summary>
/// The real product host on a real port, with its own SQLite file in a folder the test owns, a fake clock, and a known
/// webhook secret. A second host on the same folder is the same product restarted.
/// </summary>
internal sealed class PreventHost : IAsyncDisposable
{
    private PreventHost(WebApplication app, HttpClient http)
    {
        App = app;
        Http = http;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <param name="beforeStart">Runs on the built host before it starts (and before it recovers its inbox): where a test
    /// adds its own handlers and job runners.</param>
    public static async Task<PreventHost> StartAsync(
        TestFolder folder,
        TimeProvider clock,
        string webhookSecret,
        IReadOnlyDictionary<string, string?>? extra = null,
        Func<WebApplication, Task>? beforeStart = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = folder.Path,
            ["Storage:ConnectionString"] = $"Data Source={System.IO.Path.Combine(folder.Path, "leeway.db")}",
            // Nothing listens here: tests that need Stripe start the sandbox and override this.
            ["Billing:ApiBase"] = "http://127.0.0.1:9",
            ["Billing:WebhookSecret"] = webhookSecret,
            ["Prevent:SchedulerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "None",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = LeewayApp.Build([], settings, clock);
        if (beforeStart is not null)
        {
            await beforeStart(app);
        }

        await app.StartAsync();
        var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) };
        return new PreventHost(app, http);
    }

    public void SignInAs(string customerId) =>
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Service<CustomerTokens>().Issue(customerId));

    /// <summary>Stops the host as a crash would: in-flight requests are cut off and nothing is given time to finish.</summary>
    public async Task KillAsync()
    {
        Http.Dispose();
        await App.StopAsync(new CancellationToken(canceled: true));
        await App.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    public static string NewSecret() => "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 10, 9, 0, 0, TimeSpan.Zero));

    public Database Database => Service<Database>();

    public WebhookInbox Inbox => Service<WebhookInbox>();
}
