using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leeway.Tests.Policy;

/// <summary>
/// A real HTTP proxy in front of the sandbox that forwards every request and, for the first request matching a filter,
/// holds Stripe's (already produced) answer back longer than the gate waits: Stripe acted, the caller timed out.
/// </summary>
internal sealed class SlowProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _upstream;

    private SlowProxy(WebApplication app, HttpClient upstream, Uri baseUrl)
    {
        _app = app;
        _upstream = upstream;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public int Delayed { get; private set; }

    public static async Task<SlowProxy> StartAsync(Uri target, Func<HttpRequest, bool> delayFirst, TimeSpan delay)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new HttpClient { BaseAddress = target, Timeout = TimeSpan.FromSeconds(60) };
        SlowProxy? proxy = null;
        var delayed = 0;
        app.Run(async context =>
        {
            var request = context.Request;
            using var forward = new HttpRequestMessage(new HttpMethod(request.Method), request.Path + request.QueryString);
            var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (body.Length > 0 || request.Method == "POST")
            {
                forward.Content = new ByteArrayContent(body.ToArray());
                if (request.ContentType is { } contentType)
                {
                    forward.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            foreach (var header in request.Headers)
            {
                if (header.Key is not ("Host" or "Content-Type" or "Content-Length"))
                {
                    forward.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
                }
            }

            using var answer = await upstream.SendAsync(forward);
            var bytes = await answer.Content.ReadAsByteArrayAsync();
            if (delayFirst(request) && Interlocked.Increment(ref delayed) == 1)
            {
                proxy!.Delayed++;
                await Task.Delay(delay);
            }

            try
            {
                context.Response.StatusCode = (int)answer.StatusCode;
                foreach (var header in answer.Headers.Where(h => h.Key != "Transfer-Encoding"))
                {
                    context.Response.Headers[header.Key] = header.Value.ToArray();
                }

                context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
                await context.Response.Body.WriteAsync(bytes);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException)
            {
                // The caller gave up waiting: exactly the situation this proxy is for.
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy = new SlowProxy(app, upstream, new Uri(address));
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }
}
