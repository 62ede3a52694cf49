using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Routing.Outbound;
using Leeway.Tests.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Leeway.Tests.Routing;

/// <summary>
/// Case events told to other systems: a real receiver on 127.0.0.1 gets each event once per destination it asked for,
/// signed so the documented check passes, retried after a failure, and every attempt is in the delivery log.
/// </summary>
public sealed class OutboundWebhookTests
{
    private const string Secret = "receiver-secret-0123456789abcdef0123456789";

    [Fact]
    public async Task A_case_opened_and_closed_reaches_the_receiver_signed_retried_after_a_failure_and_logged()
    {
        await using var receiver = await Receiver.StartAsync(failFirst: 1);
        await using var host = await SecurityHost.StartAsync(extra: Settings(receiver.Url, events: null));
        var cases = host.Get<ICaseStore>();

        var opened = await cases.OpenAsync("cus_outbound", "Refund over the limit", "chat", "normal", new HandoffPacket(null, [], null, [], "A refund over the limit."), CancellationToken.None);
        await cases.CloseAsync(opened.Id, "staff_1", "Refunded by a lead", CancellationToken.None);

        // The first attempt fails, so the opened event may arrive after the closed one (each delivery stands alone).
        var received = await receiver.WaitForAsync(d => d.Type == OutboundEventTypes.CaseClosed, TimeSpan.FromSeconds(30));
        await receiver.WaitForAsync(d => d.Type == OutboundEventTypes.CaseOpened, TimeSpan.FromSeconds(30));
        var all = receiver.Delivered.ToList();
        var openedDelivery = Assert.Single(all, d => d.Type == OutboundEventTypes.CaseOpened);
        Assert.Equal(opened.Id, openedDelivery.Body.GetProperty("data").GetProperty("case").GetProperty("id").GetString());
        Assert.Equal("cus_outbound", openedDelivery.Body.GetProperty("data").GetProperty("case").GetProperty("customer").GetString());
        Assert.Equal("closed", received.Body.GetProperty("data").GetProperty("case").GetProperty("status").GetString());
        // The receiver's own check, as docs/integrate.md writes it, passes on every delivery it accepted.
        Assert.All(all, d => Assert.True(OutboundSignature.Verify(Secret, d.Signature, d.Raw, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)), d.Signature));
        // The first attempt got a 500 and was tried again: the event arrived twice, with one id.
        Assert.Equal(2, receiver.Attempts.Count(a => a.EventId == openedDelivery.EventId) + receiver.Attempts.Count(a => a.EventId == received.EventId) - 1);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/outbound/deliveries");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", host.Get<ServiceKey>().Value);
        using var response = await host.Http.SendAsync(request);
        var log = await response.Content.ReadFromJsonAsync<List<JsonElement>>();
        Assert.NotNull(log);
        Assert.All(log, row => Assert.Equal("delivered", row.GetProperty("status").GetString()));
        Assert.Contains(log, row => row.GetProperty("attempts").GetInt32() == 2 && row.GetProperty("last_status").GetInt32() == 200);
    }

    [Fact]
    public async Task A_destination_gets_only_the_events_it_asked_for_and_a_forged_signature_fails_the_check()
    {
        await using var receiver = await Receiver.StartAsync(failFirst: 0);
        await using var host = await SecurityHost.StartAsync(extra: Settings(receiver.Url, events: OutboundEventTypes.CaseClosed));
        var cases = host.Get<ICaseStore>();

        var opened = await cases.OpenAsync("cus_outbound", "Dispute", "tier0", "high", new HandoffPacket(null, [], null, [], "A dispute."), CancellationToken.None);
        await cases.CloseAsync(opened.Id, "staff_1", "Evidence sent", CancellationToken.None);

        var closed = await receiver.WaitForAsync(d => d.Type == OutboundEventTypes.CaseClosed, TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(receiver.Delivered, d => d.Type != OutboundEventTypes.CaseClosed);
        Assert.False(OutboundSignature.Verify("another-secret-0123456789abcdef0123456", closed.Signature, closed.Raw, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(OutboundSignature.Verify(Secret, closed.Signature, closed.Raw.Replace("Evidence", "Nothing", StringComparison.Ordinal), DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(OutboundSignature.Verify(Secret, closed.Signature, closed.Raw, DateTimeOffset.UtcNow.AddMinutes(30), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_destination_with_a_short_secret_stops_the_start_and_names_the_key()
    {
        var settings = Settings("https://hooks.example.test/x", events: null);
        settings["Outbound:Destinations:0:Secret"] = "short";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => SecurityHost.StartAsync(extra: settings));

        Assert.Contains("Outbound:Destinations:0:Secret", error.Message);
    }

    private static Dictionary<string, string?> Settings(string url, string? events)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Outbound:Destinations:0:Name"] = "team",
            ["Outbound:Destinations:0:Url"] = url,
            ["Outbound:Destinations:0:Secret"] = Secret,
            ["Outbound:RetryBaseMilliseconds"] = "200",
            ["Outbound:PollMilliseconds"] = "50",
        };
        if (events is not null)
        {
            settings["Outbound:Destinations:0:Events:0"] = events;
        }

        return settings;
    }

    private sealed record Delivery(string EventId, string Type, string Signature, string Raw, JsonElement Body);

    /// <summary>A receiving system: answers 500 to its first <c>failFirst</c> posts, then 200, and keeps what it got.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Receiver(WebApplication app) => _app = app;

        public ConcurrentQueue<Delivery> Attempts { get; } = new();

        public ConcurrentQueue<Delivery> Delivered { get; } = new();

        public string Url => _app.Urls.First() + "/hooks/leeway";

        public static async Task<Receiver> StartAsync(int failFirst)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var receiver = new Receiver(app);
            var failures = failFirst;
            app.MapPost("/hooks/leeway", async (HttpRequest request) =>
            {
                var raw = await new StreamReader(request.Body).ReadToEndAsync();
                var body = JsonDocument.Parse(raw).RootElement.Clone();
                var delivery = new Delivery(body.GetProperty("id").GetString()!, body.GetProperty("type").GetString()!, request.Headers[OutboundSignature.Header].ToString(), raw, body);
                receiver.Attempts.Enqueue(delivery);
                if (Interlocked.Decrement(ref failures) >= 0)
                {
                    return Results.StatusCode(500);
                }

                receiver.Delivered.Enqueue(delivery);
                return Results.Ok();
            });
            await app.StartAsync();
            return receiver;
        }

        public async Task<Delivery> WaitForAsync(Func<Delivery, bool> match, TimeSpan within)
        {
            var until = DateTime.UtcNow + within;
            while (DateTime.UtcNow < until)
            {
                if (Delivered.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                await Task.Delay(50);
            }

            throw new TimeoutException($"no matching delivery within {within}; got: {string.Join(", ", Attempts.Select(a => a.Type))}");
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
