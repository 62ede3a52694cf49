using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Leeway.Tests.SelfHeal;

/// <summary>
/// The SaaS's own dashboard in the tests: a real HTTP server on 127.0.0.1 serving one HTML page that a test writes. The
/// browser reaches it as <c>http://localhost:PORT</c>, another site than Leeway's <c>http://127.0.0.1:PORT</c> (a site is
/// the scheme and host, so this is a third-party frame, as in production), or as <c>http://127.0.0.1:PORT</c>, an origin
/// Leeway was not told about.
/// </summary>
internal sealed class SaasDashboard : IAsyncDisposable
{
    private readonly WebApplication _server;

    private SaasDashboard(WebApplication server, int port)
    {
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The origin Leeway is configured to trust.</summary>
    public string Origin => $"http://localhost:{Port}";

    /// <summary>The same page on an origin Leeway was not configured for.</summary>
    public string OtherOrigin => $"http://127.0.0.1:{Port}";

    /// <summary>The HTML <c>GET /</c> answers.</summary>
    public string Html { get; set; } = "<!DOCTYPE html><title>empty</title>";

    public static async Task<SaasDashboard> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        SaasDashboard? dashboard = null;
        server.MapGet("/", () => Results.Content(dashboard!.Html, "text/html; charset=utf-8"));
        await server.StartAsync();
        dashboard = new SaasDashboard(server, new Uri(server.Urls.First()).Port);
        return dashboard;
    }

    /// <summary>A dashboard page as a SaaS would write it, in <paramref name="lang"/>, with <paramref name="snippet"/> where Leeway goes.</summary>
    public static string Page(string snippet, string lang = "en") => $$"""
        <!DOCTYPE html>
        <html lang="{{lang}}">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Acme · Billing</title>
          <style>body { margin: 0; font-family: sans-serif; } header { background: #123; color: #fff; padding: 12px 16px; } main { padding: 16px; }</style>
        </head>
        <body>
          <header><strong>Acme</strong> dashboard</header>
          <main>
            <h1>Billing</h1>
            {{snippet}}
          </main>
        </body>
        </html>
        """;

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }
}
