using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Leeway.Prevent;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Leeway.StripeSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Bench.Prevent;

/// <summary>
/// Renewal day: thousands of renewals fail at once and Stripe delivers an <c>invoice.payment_failed</c> webhook for
/// each, several at a time. Everything is real: the sandbox holds the customers and answers every read and action,
/// the product verifies, stores, diagnoses, acts through the gate and sends the nudges (over SMTP when
/// <c>LEEWAY_SMTP_HOST</c>/<c>LEEWAY_SMTP_PORT</c> are set, else to the pickup folder).
/// Measures deliveries acknowledged per second, delivery latency, and the time until the last nudge was sent.
/// <code>dotnet run -c Release --project bench/Leeway.Bench -- prevent-burst [--events 9000] [--concurrency 32]</code>
/// </summary>
internal static class RenewalDayBurst
{
    internal static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    /// <summary>A renewal day's mix of declines: mostly money, then dead cards, banks saying no, 3-D Secure, fraud.</summary>
    private static readonly (string OnCharge, string Error, int Weight)[] Declines =
    [
        ("decline:insufficient_funds", "insufficient_funds", 45),
        ("decline:expired_card", "expired_card", 20),
        ("decline:do_not_honor", "do_not_honor", 15),
        ("requires_authentication", "authentication_required", 10),
        ("decline:incorrect_cvc", "incorrect_cvc", 5),
        ("decline:stolen_card", "stolen_card", 5),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchArgs.Int(args, "--events", 9_000);
        var concurrency = BenchArgs.Int(args, "--concurrency", 32);
        var folder = Path.Combine(Path.GetTempPath(), "leeway-bench", "prevent-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"Renewal-day burst: {events} invoice.payment_failed webhooks, {concurrency} deliveries at a time");

        await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = Now });
        using var admin = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromMinutes(10) };
        var seeding = Stopwatch.StartNew();
        await SandboxSetup.PostAsync(admin, "/_sandbox/world", new JsonObject { ["now"] = Now.ToString("O"), ["world"] = new JsonObject { ["customers"] = World(events) } });
        Console.WriteLine($"  seeded {events} customers in the sandbox in {seeding.Elapsed.TotalSeconds:F1} s");

        var secret = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = folder,
            ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["Billing:WebhookSecret"] = secret,
            ["Prevent:SchedulerEnabled"] = "false",
            ["Prevent:Smtp:Host"] = Environment.GetEnvironmentVariable("LEEWAY_SMTP_HOST"),
            ["Prevent:Smtp:Port"] = Environment.GetEnvironmentVariable("LEEWAY_SMTP_PORT") ?? "25",
            ["Logging:LogLevel:Default"] = "None",
        };
        var product = LeewayApp.Build([], settings, new FixedClock(Now));
        await product.StartAsync();
        var mail = string.IsNullOrEmpty(settings["Prevent:Smtp:Host"]) ? "pickup folder" : $"SMTP {settings["Prevent:Smtp:Host"]}:{settings["Prevent:Smtp:Port"]}";
        Console.WriteLine($"  product at {product.Urls.First()}, SQLite in {folder}, e-mail to the {mail}");

        var payloads = new List<string>(events);
        for (var i = 0; i < events; i++)
        {
            var invoice = (await admin.GetFromJsonAsync<JsonObject>($"/_sandbox/objects/{InvoiceId(i)}"))!;
            payloads.Add(Event($"evt_burst_{i:D5}", "invoice.payment_failed", invoice));
        }

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(product.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };

        // The inbox alone: events no handler acts on (verify, store, acknowledge), the intake's own ceiling.
        var intake = await DeliverAsync(http, payloads.Select(p => p.Replace("evt_burst_", "evt_intake_", StringComparison.Ordinal).Replace("\"invoice.payment_failed\"", "\"invoice.created\"", StringComparison.Ordinal)).ToList(), secret, concurrency);
        Console.WriteLine($"  intake only (invoice.created, no handler): {events - intake.Refused}/{events} in {intake.Elapsed.TotalSeconds:F1} s = {(events - intake.Refused) / intake.Elapsed.TotalSeconds:F0} events/s, "
            + $"p50 {Percentiles.Of(intake.Latencies, 0.50):F0} ms, p99 {Percentiles.Of(intake.Latencies, 0.99):F0} ms");

        var mailFolder = Environment.GetEnvironmentVariable("LEEWAY_SMTP_DIR");
        var before = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        var burst = await DeliverAsync(http, payloads, secret, concurrency);
        var refused = burst.Refused;
        var acknowledged = burst.Elapsed;

        // Each delivery is acknowledged once stored; the product decides and nudges in the background, and e-mails go out
        // from the outbox. The last nudge is the last message the mail server (or the pickup folder) received.
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(30)))
        {
            await product.Services.GetRequiredService<IWebhookBacklog>().HandledAsync(limit.Token);
        }

        var handled = clock.Elapsed;
        var database = product.Services.GetRequiredService<Leeway.Storage.Database>();
        while (clock.Elapsed < TimeSpan.FromMinutes(30) && await PendingEmailsAsync(database) > 0)
        {
            await Task.Delay(100);
        }

        var mailbox = !string.IsNullOrEmpty(settings["Prevent:Smtp:Host"]) && !string.IsNullOrEmpty(mailFolder) ? mailFolder : Path.Combine(folder, "mail-pickup");
        var lastNudge = Directory.EnumerateFiles(mailbox, "*.eml").Select(File.GetLastWriteTimeUtc).Where(t => t >= before).DefaultIfEmpty(before).Max() - before;

        var outbox = product.Services.GetRequiredService<NudgeOutbox>();
        var inbox = await product.Services.GetRequiredService<WebhookInbox>().CountByStatusAsync(default);
        var processedBurst = inbox.GetValueOrDefault(WebhookInbox.Processed) - (events - intake.Refused);
        var nudges = new List<Nudge>();
        for (var i = 0; i < events; i++)
        {
            nudges.AddRange(await outbox.ListForCustomerAsync(CustomerId(i), default));
        }

        var requests = (await admin.GetFromJsonAsync<JsonObject>("/_sandbox/requests"))!["data"]!.AsArray();
        var sorted = burst.Latencies;
        Console.WriteLine($"  burst (invoice.payment_failed, full handling): {events - refused}/{events} acknowledged in {acknowledged.TotalSeconds:F1} s = {(events - refused) / acknowledged.TotalSeconds:F1} events/s");
        Console.WriteLine($"  delivery latency: p50 {Percentiles.Of(sorted, 0.50):F0} ms, p99 {Percentiles.Of(sorted, 0.99):F0} ms, max {sorted[^1]:F0} ms");
        Console.WriteLine($"  handled (every event's handlers done): {handled.TotalSeconds:F1} s after the first delivery = {(events - refused) / handled.TotalSeconds:F1} events/s");
        Console.WriteLine($"  end to end, first delivery to last nudge sent: {lastNudge.TotalSeconds:F1} s");
        Console.WriteLine($"  inbox: {string.Join(", ", inbox.Select(s => $"{s.Key} {s.Value}"))} (intake and burst together)");
        Console.WriteLine($"  nudges: {nudges.Count(n => n.Channel == NudgeChannel.Email && n.State == NudgeState.Sent)} e-mails sent, "
            + $"{nudges.Count(n => n.Channel == NudgeChannel.Email && n.State != NudgeState.Sent)} not sent, {nudges.Count(n => n.Channel == NudgeChannel.InApp)} in-app");
        foreach (var reason in nudges.Where(n => n.Channel == NudgeChannel.Email).GroupBy(n => n.Reason).OrderByDescending(g => g.Count()))
        {
            Console.WriteLine($"    {reason.Key}: {reason.Count()}");
        }

        Console.WriteLine($"  Stripe mutating requests: {requests.Count} ({string.Join(", ", requests.GroupBy(r => Kind(r!["path"]!.GetValue<string>())).Select(g => $"{g.Key} {g.Count()}"))})");

        await product.StopAsync();
        await product.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return refused == 0 && intake.Refused == 0 && processedBurst == events ? 0 : 1;
    }

    internal static JsonArray World(int count)
    {
        var weights = Declines.Sum(d => d.Weight);
        var customers = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var pick = i * 7919 % weights;
            var decline = Declines.First(d => (pick -= d.Weight) < 0);
            var id = CustomerId(i);
            customers.Add(new JsonObject
            {
                ["id"] = id,
                ["email"] = $"{id}@example.com",
                ["name"] = $"Customer {i}",
                ["created"] = "2025-01-01T00:00:00Z",
                ["payment_methods"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"pm_burst_{i:D5}",
                    ["brand"] = "visa",
                    ["last4"] = "4000",
                    ["exp_month"] = decline.Error == "expired_card" ? 10 : 9,
                    ["exp_year"] = decline.Error == "expired_card" ? 2026 : 2028,
                    ["default"] = true,
                    ["on_charge"] = decline.OnCharge,
                }),
                ["subscriptions"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"sub_burst_{i:D5}",
                    ["status"] = "past_due",
                    ["items"] = new JsonArray(new JsonObject { ["price"] = "price_burst_team", ["quantity"] = 1, ["unit_amount"] = 4900 }),
                    ["current_period_start"] = "2026-12-01T00:00:00Z",
                    ["current_period_end"] = "2027-01-01T00:00:00Z",
                    ["cancel_at_period_end"] = false,
                }),
                ["invoices"] = new JsonArray(new JsonObject
                {
                    ["id"] = InvoiceId(i),
                    ["subscription"] = $"sub_burst_{i:D5}",
                    ["status"] = "open",
                    ["amount_due"] = 4900,
                    ["currency"] = "usd",
                    ["created"] = "2026-12-01T00:00:00Z",
                    ["attempt_count"] = 1,
                    ["last_payment_error"] = decline.Error,
                }),
            });
        }

        return customers;
    }

    private static async Task<long> PendingEmailsAsync(Leeway.Storage.Database database)
    {
        await using var connection = await database.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(
            connection, "SELECT COUNT(*) FROM prevent_nudges WHERE channel = @Channel AND state = @State", new { Channel = NudgeChannel.Email, State = NudgeState.Pending });
    }

    internal static string CustomerId(int i) => $"cus_burst_{i:D5}";

    internal static string InvoiceId(int i) => $"in_burst_{i:D5}";

    /// <summary>Delivers as Stripe does, <paramref name="concurrency"/> at a time.</summary>
    internal static async Task<(TimeSpan Elapsed, double[] Latencies, int Refused)> DeliverAsync(HttpClient http, IReadOnlyList<string> payloads, string secret, int concurrency)
    {
        var latencies = new ConcurrentBag<double>();
        var refused = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < payloads.Count)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(payloads[index], Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("Stripe-Signature", Sign(payloads[index], secret));
                using var response = await http.SendAsync(request);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));
        return (clock.Elapsed, latencies.Order().ToArray(), refused);
    }

    internal static string Event(string id, string type, JsonObject invoice) => new JsonObject
    {
        ["id"] = id,
        ["object"] = "event",
        ["api_version"] = Stripe.StripeConfiguration.ApiVersion,
        ["created"] = Now.ToUnixTimeSeconds(),
        ["type"] = type,
        ["livemode"] = false,
        ["pending_webhooks"] = 1,
        ["request"] = new JsonObject { ["id"] = null, ["idempotency_key"] = null },
        ["data"] = new JsonObject { ["object"] = invoice.DeepClone() },
    }.ToJsonString();

    internal static string Sign(string payload, string secret, DateTimeOffset? at = null)
    {
        var timestamp = (at ?? Now).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(signature)}";
    }

    private static string Kind(string path) => path.StartsWith("/v1/invoices/", StringComparison.Ordinal) ? "invoices/" + path.Split('/')[^1] : path;
}
