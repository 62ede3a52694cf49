using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Leeway.StripeSandbox.Tests;

/// <summary>A real HTTP endpoint for webhooks: records each POST (body, Stripe-Signature) and answers the next queued status (200 when none).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<int> Answers { get; } = new();

    public ConcurrentQueue<(string Body, string Signature)> Received { get; } = new();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            receiver!.Received.Enqueue((body, http.Request.Headers["Stripe-Signature"].ToString()));
            http.Response.StatusCode = receiver.Answers.TryDequeue(out var status) ? status : 200;
        });
        await app.StartAsync();
        receiver = new WebhookReceiver(app, app.Urls.First() + "/hook");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
