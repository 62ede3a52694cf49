using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Leeway.Prevent;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Webhooks;
using Leeway.StripeSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Leeway.Bench.Prevent;

/// <summary>
/// Many hosts, one truth: two product hosts on one PostgreSQL database behind a round-robin balancer take a renewal-day
/// burst of <c>invoice.payment_failed</c> webhooks (10% delivered twice, to either host), and one host is killed halfway.
/// Deliveries the dead host did not acknowledge go to the survivor (Stripe retries; the balancer fails over), and the
/// survivor takes over the dead host's claimed events once their lease runs out. Reports events lost (not processed, or a
/// customer with no nudge), doubled effects (a second nudge on a channel, a second Stripe action) and the time to drain.
/// Everything is real: the sandbox answers every read and action, the hosts verify, store, diagnose, act through the gate.
/// <code>dotnet run -c Release --project bench/Leeway.Bench -- prevent-hosts [--events 9000] [--duplicates 10] [--concurrency 32] [--postgres CONN]</code>
/// (<c>--postgres</c> defaults to <c>LEEWAY_TEST_POSTGRES</c>, which <c>scripts/test-services.d/postgres.sh</c> exports.)
/// </summary>
internal static class TwoHostBurst
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchArgs.Int(args, "--events", 9_000);
        var duplicatePercent = BenchArgs.Int(args, "--duplicates", 10);
        var concurrency = BenchArgs.Int(args, "--concurrency", 32);
        var admin = BenchArgs.Text(args, "--postgres", Environment.GetEnvironmentVariable("LEEWAY_TEST_POSTGRES") ?? "");
        if (admin.Length == 0)
        {
            Console.Error.WriteLine("prevent-hosts needs a PostgreSQL server: --postgres \"Host=…;Username=…\" (a user that may CREATE DATABASE), or LEEWAY_TEST_POSTGRES (source scripts/test-services.d/postgres.sh).");
            return 2;
        }

        var now = RenewalDayBurst.Now;
        var database = "leeway_bench_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE {database}");
        }

        var folder = Path.Combine(Path.GetTempPath(), "leeway-bench", "hosts-" + database);
        Directory.CreateDirectory(folder);
        try
        {
            return await RunOnAsync(new NpgsqlConnectionStringBuilder(admin) { Database = database, MaxPoolSize = 40 }.ConnectionString, folder, now, events, duplicatePercent, concurrency);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await connection.ExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<int> RunOnAsync(string connectionString, string folder, DateTimeOffset now, int events, int duplicatePercent, int concurrency)
    {
        var random = new Random(20261201);
        var duplicates = events * duplicatePercent / 100;
        Console.WriteLine($"Two hosts, one PostgreSQL database: {events} invoice.payment_failed webhooks + {duplicates} duplicate deliveries, {concurrency} at a time, one host killed halfway");

        await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = now });
        using var sandboxHttp = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromMinutes(10) };
        await SandboxSetup.PostAsync(sandboxHttp, "/_sandbox/world", new JsonObject { ["now"] = now.ToString("O"), ["world"] = new JsonObject { ["customers"] = RenewalDayBurst.World(events) } });
        var payloads = new List<(string Id, string Payload)>(events);
        for (var i = 0; i < events; i++)
        {
            var invoice = (await sandboxHttp.GetFromJsonAsync<JsonObject>($"/_sandbox/objects/{RenewalDayBurst.InvoiceId(i)}"))!;
            var id = $"evt_hosts_{i:D5}";
            payloads.Add((id, RenewalDayBurst.Event(id, "invoice.payment_failed", invoice)));
        }

        var deliveries = payloads.Concat(Enumerable.Range(0, duplicates).Select(_ => payloads[random.Next(events)])).ToArray();
        random.Shuffle(deliveries);

        var clock = new MovableClock(now);
        var secret = "whsec_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        WebApplication Build(string name) => LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = connectionString,
            ["Storage:DataDirectory"] = Path.Combine(folder, name),
            ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["Billing:WebhookSecret"] = secret,
            ["Prevent:SchedulerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "None",
        }, clock);

        // Both hosts start at once on the fresh database: the schema migration takes turns under its advisory lock.
        var hosts = new[] { Build("a"), Build("b") };
        await Task.WhenAll(hosts.Select(h => h.StartAsync()));
        Console.WriteLine($"  hosts at {string.Join(" and ", hosts.Select(h => h.Urls.First()))}, both started together on one fresh database");

        var clients = hosts.Select(h => new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(h.Urls.First()), Timeout = TimeSpan.FromMinutes(5) }).ToArray();
        var alive = new[] { true, true };
        var acknowledged = 0;
        var failedOver = 0;
        var next = -1;
        Task? kill = null;
        var latencies = new ConcurrentBag<double>();
        var started = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < deliveries.Length)
            {
                var (_, payload) = deliveries[index];
                var begun = Stopwatch.GetTimestamp();
                // Round-robin; a delivery the chosen host did not acknowledge goes to the other (until one takes it).
                for (var attempt = 0; ; attempt++)
                {
                    var host = (index + attempt) % 2;
                    if (Volatile.Read(ref alive[host]) && await TryDeliverAsync(clients[host], payload, secret, clock.GetUtcNow()))
                    {
                        break;
                    }

                    Interlocked.Increment(ref failedOver);
                }

                latencies.Add(Stopwatch.GetElapsedTime(begun).TotalMilliseconds);
                if (Interlocked.Increment(ref acknowledged) == deliveries.Length / 2)
                {
                    Volatile.Write(ref alive[0], false);
                    kill = KillAsync(hosts[0], clients[0]);
                }
            }
        })));
        var delivered = started.Elapsed;
        await kill!;
        var killedAt = delivered;
        var survivor = hosts[1];
        await survivor.Services.GetRequiredService<IWebhookBacklog>().HandledAsync(default);
        var survivorDone = started.Elapsed;

        // The dead host's claims run out after one lease; the survivor's scheduled work (run by hand: the scheduler is off
        // so the clock is the bench's) takes over every event still due.
        clock.Advance(TimeSpan.FromSeconds(new PreventOptions().LeaseSeconds + 1));
        var inbox = survivor.Services.GetRequiredService<WebhookInbox>();
        var work = survivor.Services.GetRequiredService<IScheduledWork>();
        IReadOnlyDictionary<string, int> statuses;
        var rounds = 0;
        do
        {
            await work.RunDueAsync(default);
            statuses = await inbox.CountByStatusAsync(default);
            rounds++;
        }
        while (statuses.GetValueOrDefault(WebhookInbox.Processed) < events && rounds < 20);

        var drained = started.Elapsed;
        var storage = survivor.Services.GetRequiredService<Leeway.Storage.Database>();
        await using var connection = await storage.OpenAsync();
        var doubledNudges = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT customer_id, channel FROM prevent_nudges GROUP BY customer_id, channel HAVING COUNT(*) > 1) doubled");
        var nudged = await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT customer_id) FROM prevent_nudges");
        var doubledJobs = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT object_id, kind FROM prevent_jobs GROUP BY object_id, kind HAVING COUNT(*) > 1) doubled");
        var requests = (await sandboxHttp.GetFromJsonAsync<JsonObject>("/_sandbox/requests"))!["data"]!.AsArray()
            .Select(r => r!.AsObject())
            .Where(r => r["status"]!.GetValue<int>() == 200 && !r["replayed"]!.GetValue<bool>())
            .ToList();
        var doubledStripe = requests
            .GroupBy(r => $"{r["path"]}|{r["params"]?["customer"]}|{r["params"]?["mode"]}")
            .Count(g => g.Count() > 1);
        var lost = events - statuses.GetValueOrDefault(WebhookInbox.Processed);

        var sorted = latencies.Order().ToArray();
        Console.WriteLine($"  delivered: {deliveries.Length} deliveries acknowledged in {delivered.TotalSeconds:F1} s ({deliveries.Length / delivered.TotalSeconds:F0}/s), "
            + $"p50 {Percentiles.Of(sorted, 0.50):F0} ms, p99 {Percentiles.Of(sorted, 0.99):F0} ms; {failedOver} redelivered to the other host after host A was killed at {killedAt.TotalSeconds:F1} s");
        Console.WriteLine($"  survivor's own backlog handled at {survivorDone.TotalSeconds:F1} s; drained (every event processed, A's claims taken over after their lease) at {drained.TotalSeconds:F1} s, {rounds} recovery round(s)");
        Console.WriteLine($"  inbox: {string.Join(", ", statuses.Select(s => $"{s.Key} {s.Value}"))}");
        Console.WriteLine($"  lost: {lost} events not processed, {events - nudged} customers never nudged");
        Console.WriteLine($"  doubled: {doubledNudges} customer-channels with a second nudge, {doubledJobs} objects with a second job, {doubledStripe} Stripe actions done twice ({requests.Count} Stripe actions)");
        Console.WriteLine($"  TIME TO DRAIN: {drained.TotalSeconds:F1} s for {events} events over two hosts, one killed halfway");

        await survivor.StopAsync();
        await survivor.DisposeAsync();
        foreach (var client in clients)
        {
            client.Dispose();
        }

        return lost == 0 && nudged == events && doubledNudges == 0 && doubledJobs == 0 && doubledStripe == 0 ? 0 : 1;
    }

    private static async Task<bool> TryDeliverAsync(HttpClient http, string payload, string secret, DateTimeOffset at)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("Stripe-Signature", RenewalDayBurst.Sign(payload, secret, at));
            using var response = await http.SendAsync(request);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>As a crash: in-flight requests cut off, nothing given time to finish.</summary>
    private static async Task KillAsync(WebApplication host, HttpClient client)
    {
        await host.StopAsync(new CancellationToken(canceled: true));
        await host.DisposeAsync();
        client.Dispose();
    }
}
