using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Prevent;
using Leeway.Prevent.Webhooks;

namespace Leeway.Tests.Prevent.Webhooks;

/// <summary><c>POST /webhooks/stripe</c>: forged, stale and tampered deliveries are refused before anything is stored;
/// a replayed event id has no second effect.</summary>
public sealed class StripeWebhookTests : IAsyncLifetime, IDisposable
{
    private const string EventType = "test.effect";

    private readonly TestFolder _folder = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = PreventHost.NewClock();
    private readonly string _secret = PreventHost.NewSecret();
    private readonly ConcurrentDictionary<string, int> _invocations = new();
    private PreventHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await PreventHost.StartAsync(_folder, _clock, _secret, beforeStart: app => RecordingHandler.AddToAsync(app, EventType, _invocations));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RejectsStaleTimestamp()
    {
        var payload = Payload("evt_stale");
        var signedSixMinutesAgo = WebhookSigner.Header(payload, _secret, _clock.GetUtcNow().AddSeconds(-301));

        using var refused = await WebhookSigner.PostAsync(_host.Http, payload, signedSixMinutesAgo);

        await AssertRefusedAndNothingHappenedAsync(refused, "evt_stale");
        // The same delivery signed within the tolerance is taken: the timestamp alone was the problem.
        using var accepted = await WebhookSigner.PostAsync(_host.Http, payload, WebhookSigner.Header(payload, _secret, _clock.GetUtcNow().AddSeconds(-299)));
        await AssertProcessedOnceAsync(accepted, "evt_stale");
    }

    [Fact]
    public async Task RejectsStaleTimestampOnTheInjectedClock()
    {
        var payload = Payload("evt_clock");
        var header = WebhookSigner.Header(payload, _secret, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(6));

        using var refused = await WebhookSigner.PostAsync(_host.Http, payload, header);

        await AssertRefusedAndNothingHappenedAsync(refused, "evt_clock");
    }

    [Fact]
    public async Task RejectsWrongSecret()
    {
        var payload = Payload("evt_forged");

        using var refused = await WebhookSigner.PostAsync(_host.Http, payload, WebhookSigner.Header(payload, PreventHost.NewSecret(), _clock.GetUtcNow()));

        await AssertRefusedAndNothingHappenedAsync(refused, "evt_forged");
        using var accepted = await WebhookSigner.PostAsync(_host.Http, payload, WebhookSigner.Header(payload, _secret, _clock.GetUtcNow()));
        await AssertProcessedOnceAsync(accepted, "evt_forged");
    }

    [Fact]
    public async Task RejectsTamperedBody()
    {
        var payload = Payload("evt_tampered", objectId: "in_original");
        var header = WebhookSigner.Header(payload, _secret, _clock.GetUtcNow());
        var tampered = payload.Replace("in_original", "in_attacker", StringComparison.Ordinal);

        using var refused = await WebhookSigner.PostAsync(_host.Http, tampered, header);

        await AssertRefusedAndNothingHappenedAsync(refused, "evt_tampered");
        using var accepted = await WebhookSigner.PostAsync(_host.Http, payload, header);
        await AssertProcessedOnceAsync(accepted, "evt_tampered");
    }

    [Fact]
    public async Task RejectsMissingSignature()
    {
        using var refused = await WebhookSigner.PostAsync(_host.Http, Payload("evt_unsigned"), signatureHeader: null);

        await AssertRefusedAndNothingHappenedAsync(refused, "evt_unsigned");
    }

    [Fact]
    public async Task AcceptsAnotherApiVersion()
    {
        // An endpoint on the account's default version must not leave Tier 0 blind: the event is taken (its object is
        // read again from Stripe on the pinned version where it matters), and `leeway doctor` names the endpoint to replace.
        var payload = WebhookSigner.Event("evt_old_api", EventType, Object("in_1"), _clock.GetUtcNow(), apiVersion: "2020-08-27");

        using var accepted = await WebhookSigner.PostAsync(_host.Http, payload, WebhookSigner.Header(payload, _secret, _clock.GetUtcNow()));

        await AssertProcessedOnceAsync(accepted, "evt_old_api");
    }

    [Fact]
    public async Task ReplayedEventHasNoSecondEffect()
    {
        var payload = Payload("evt_replayed");

        using var first = await WebhookSigner.PostAsync(_host.Http, payload, WebhookSigner.Header(payload, _secret, _clock.GetUtcNow()));
        _clock.Advance(TimeSpan.FromMinutes(1));
        // A replay within the tolerance carries a valid, fresh signature: only the event id gives it away.
        using var replay = await WebhookSigner.PostAsync(_host.Http, payload, WebhookSigner.Header(payload, _secret, _clock.GetUtcNow()));

        await AssertProcessedOnceAsync(first, "evt_replayed");
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(WebhookIntake.Duplicate, (await replay.Content.ReadFromJsonAsync<WebhookReceipt>())!.Status);
        Assert.Equal(1, _invocations["evt_replayed"]);
        Assert.Equal(1, (await _host.Inbox.StatusAsync("evt_replayed", default))!.Attempts);
    }

    [Fact]
    public async Task StoresTheEventBeforeAcknowledgingEvenWhenProcessingFails()
    {
        var payload = Payload("evt_fails", type: "test.throws");
        _host.Service<WebhookHandlers>().Add(new ThrowingHandler("test.throws"));

        using var response = await WebhookSigner.PostAsync(_host.Http, payload, WebhookSigner.Header(payload, _secret, _clock.GetUtcNow()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WebhookIntake.Queued, (await response.Content.ReadFromJsonAsync<WebhookReceipt>())!.Status);
        await _host.Service<IWebhookBacklog>().HandledAsync(default);
        var status = await _host.Inbox.StatusAsync("evt_fails", default);
        Assert.Equal(WebhookInbox.Failed, status!.Status);
        Assert.NotNull(status.NextAttemptAt);
        Assert.Contains("handler broke", status.LastError, StringComparison.Ordinal);
    }

    private async Task AssertRefusedAndNothingHappenedAsync(HttpResponseMessage response, string eventId)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await _host.Inbox.StatusAsync(eventId, default));
        Assert.False(_invocations.ContainsKey(eventId));
        Assert.DoesNotContain(eventId, (await RecordingHandler.EffectsAsync(_host.Database)).Keys);
    }

    private async Task AssertProcessedOnceAsync(HttpResponseMessage response, string eventId)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<WebhookReceipt>();
        Assert.Equal(new WebhookReceipt(true, eventId, WebhookIntake.Queued), receipt);
        await _host.Service<IWebhookBacklog>().HandledAsync(default);
        Assert.Equal(WebhookInbox.Processed, (await _host.Inbox.StatusAsync(eventId, default))!.Status);
        Assert.Equal(1, _invocations[eventId]);
        Assert.Equal(1, (await RecordingHandler.EffectsAsync(_host.Database))[eventId]);
    }

    private string Payload(string eventId, string objectId = "in_1", string type = EventType) =>
        WebhookSigner.Event(eventId, type, Object(objectId), _clock.GetUtcNow());

    private static JsonObject Object(string id) => new() { ["id"] = id, ["object"] = "invoice", ["customer"] = "cus_test" };

    private sealed class ThrowingHandler(string type) : IWebhookHandler
    {
        public IReadOnlyCollection<string> EventTypes => [type];

        public Task HandleAsync(WebhookEvent e, CancellationToken cancellationToken) => throw new InvalidOperationException("handler broke");
    }
}
