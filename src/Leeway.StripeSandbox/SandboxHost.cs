using Leeway.StripeSandbox.Admin;
using Leeway.StripeSandbox.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leeway.StripeSandbox;

/// <summary>
/// A stateful, Stripe-API-compatible server. The Stripe API is under <c>/v1</c>; the admin API
/// (seed a world, fire events, move the clock, inject faults, read the record) under <c>/_sandbox</c>.
/// One instance is one world: its own objects, clock, idempotency keys and webhook endpoints.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Sandbox _sandbox;

    private SandboxHost(WebApplication app, Sandbox sandbox, Uri baseUrl)
    {
        _app = app;
        _sandbox = sandbox;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. <c>http://127.0.0.1:12111</c>, without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The sandbox clock now (frozen at <see cref="SandboxHostOptions.Now"/> until advanced).</summary>
    public DateTimeOffset Now => _sandbox.World.Clock.Now;

    public static async Task<SandboxHost> StartAsync(SandboxHostOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        if (!options.Verbose)
        {
            builder.Logging.ClearProviders();
        }

        // Logs go to standard error: standard output is for what a command prints as its result.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        var sandbox = new Sandbox(new SandboxClock(options.Now, TimeProvider.System), TimeProvider.System, options.Trace) { ApiKey = options.ApiKey };
        var app = builder.Build();
        app.Use((http, next) =>
        {
            // Every response names its request, as Stripe's do (the /v1 record and events quote it).
            http.Response.Headers["Request-Id"] = Wire.StripeIds.New("req_", 14);
            return next(http);
        });
        app.MapAdmin(sandbox);
        app.MapV1(sandbox);
        app.MapHostedPages(sandbox);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        sandbox.World.BaseUrl = address;
        sandbox.Webhooks.Start();
        return new SandboxHost(app, sandbox, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _sandbox.Webhooks.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
