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
/// One instance is one world.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>e.g. <c>http://127.0.0.1:12111</c>, without a trailing slash.</summary>
    public Uri BaseUrl { get; }

    public static async Task<SandboxHost> StartAsync(SandboxHostOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{options.Host}:{options.Port}");
        if (!options.Verbose)
        {
            builder.Logging.ClearProviders();
        }

        var app = builder.Build();
        app.MapGet("/_sandbox/health", () => "ok");
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxHost(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
