using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Leeway.Prevent;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Prevent.Webhooks;

/// <summary>
/// 10,000 deliveries (9,000 events plus 1,000 redeliveries), shuffled, through the real endpoint; the host is killed
/// halfway and a new host on the same database file takes over. Every event has exactly one effect, and the inbox kept
/// redeliveries from reaching the handler again.
/// </summary>
public sealed class InboxReliabilityTests : IDisposable
{
    private const string EventType = "test.effect";
    private const int Events = 9_000;
    private const int Duplicates = 1_000;
    private const int Senders = 8;

    private readonly TestFolder _folder = new();

    [Fact]
    public async Task TenThousandDeliveriesWithDuplicatesAndACrashHaveExactlyOneEffectPerEvent()
    {
        var clock = PreventHost.NewClock();
        var secret = PreventHost.NewSecret();
        var invocations = new ConcurrentDictionary<string, int>();
        var random = new Random(20261110);
        var eventIds = Enumerable.Range(0, Events).Select(i => $"evt_{i:D5}").ToList();
        var deliveries = eventIds.Concat(Enumerable.Range(0, Duplicates).Select(_ => eventIds[random.Next(Events)])).ToArray();
        random.Shuffle(deliveries);

        var first = await StartAsync(clock, secret, invocations);
        var half = deliveries.Length / 2;
        var unacknowledged = await DeliverAsync(first, clock, secret, deliveries[..half], killAfter: half - (Senders * 4));
        // Killed while deliveries were in flight: the senders saw errors for some, and those Stripe delivers again.
        Assert.NotEmpty(unacknowledged);

        // A crashed worker's claim lasts one lease; after it, the new host owns everything left.
        clock.Advance(TimeSpan.FromSeconds(121));
        var second = await StartAsync(clock, secret, invocations);
        var stillUnacknowledged = await DeliverAsync(second, clock, secret, [.. unacknowledged, .. deliveries[half..]], killAfter: null);
        Assert.Empty(stillUnacknowledged);
        await second.Service<IScheduledWork>().RunDueAsync(default);

        var effects = await RecordingHandler.EffectsAsync(second.Database);
        var inbox = await second.Inbox.CountByStatusAsync(default);
        var missing = new List<string>();
        foreach (var id in eventIds.Where(id => !effects.ContainsKey(id)))
        {
            missing.Add($"{id}: {await second.Inbox.StatusAsync(id, default)}");
        }

        await second.DisposeAsync();

        Assert.True(missing.Count == 0, $"no effect for {missing.Count} events: {string.Join("; ", missing.Take(10))}");

        Assert.Equal(eventIds.Order(), effects.Keys.Order());
        Assert.All(effects.Values, count => Assert.Equal(1, count));
        Assert.Equal(new Dictionary<string, int> { [WebhookInbox.Processed] = Events }, inbox);
        // Only events cut off mid-processing by the kill (at most one per lane, and as many again in the start-up recovery)
        // may have reached the handler twice; no redelivery did.
        var reinvoked = invocations.Where(i => i.Value > 1).ToList();
        Assert.True(reinvoked.Count <= 2 * new PreventOptions().LanesFor(null), $"{reinvoked.Count} events reached the handler more than once");
        Assert.Equal(Events, invocations.Count);
    }

    public void Dispose() => _folder.Dispose();

    private Task<PreventHost> StartAsync(FakeTimeProvider clock, string secret, ConcurrentDictionary<string, int> invocations)
    {
        return PreventHost.StartAsync(_folder, clock, secret, beforeStart: app => RecordingHandler.AddToAsync(app, EventType, invocations));
    }

    /// <summary>Delivers as Stripe does, several at a time; with <paramref name="killAfter"/>, kills the host once that many
    /// deliveries have been acknowledged, mid-stream.</summary>
    /// <returns>The deliveries that got no 200 (Stripe would deliver them again).</returns>
    private static async Task<List<string>> DeliverAsync(PreventHost host, FakeTimeProvider clock, string secret, string[] deliveries, int? killAfter)
    {
        var unacknowledged = new ConcurrentBag<string>();
        var acknowledged = 0;
        var next = -1;
        Task? kill = null;
        var killLock = new object();

        async Task SendLoop()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < deliveries.Length)
            {
                var eventId = deliveries[index];
                if (kill is not null)
                {
                    unacknowledged.Add(eventId);
                    continue;
                }

                var payload = WebhookSigner.Event(eventId, EventType, new JsonObject { ["id"] = "obj_" + eventId, ["object"] = "invoice", ["customer"] = "cus_load" }, clock.GetUtcNow());
                try
                {
                    using var response = await WebhookSigner.PostAsync(host.Http, payload, WebhookSigner.Header(payload, secret, clock.GetUtcNow()));
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        unacknowledged.Add(eventId);
                        continue;
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException or InvalidOperationException)
                {
                    unacknowledged.Add(eventId);
                    continue;
                }

                if (Interlocked.Increment(ref acknowledged) == killAfter)
                {
                    lock (killLock)
                    {
                        kill ??= host.KillAsync();
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Senders).Select(_ => Task.Run(SendLoop)));
        if (kill is not null)
        {
            await kill;
        }

        return [.. unacknowledged];
    }
}
