using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Leeway.Diagnostics;
using Leeway.Prevent;
using Leeway.Prevent.Webhooks;
using Leeway.StripeSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Bench.Prevent;

/// <summary>
/// What Leeway costs in Stripe requests, counted by the sandbox (every <c>/v1</c> request it answered, reads included):
/// <list type="number">
/// <item>per diagnosis, and per <c>invoice.payment_failed</c> handled, with reads shared within the event
/// (<c>Billing:ShareReadsInScope</c>, the default) and without (as before it existed);</item>
/// <item>a diagnosis's time against its slowest single request, with 100 ms added to every request;</item>
/// <item>the renewal-day burst at Stripe's live limit (100 requests a second, the sandbox's limiter on when it has one,
/// Leeway's own at 100) with 100 ms per request: end-to-end time against the floor (requests ÷ 100 a second) and 429s.</item>
/// </list>
/// <code>dotnet run -c Release --project bench/Leeway.Bench -- stripe-requests [--events 200] [--burst 9000] [--latency-ms 100] [--rps 100]</code>
/// </summary>
internal static class StripeRequestsBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = BenchArgs.Int(args, "--events", 200);
        var burst = BenchArgs.Int(args, "--burst", 9_000);
        var latency = BenchArgs.Int(args, "--latency-ms", 100);
        var rps = BenchArgs.Int(args, "--rps", 100);
        Console.WriteLine($"Stripe requests: {events} events per measure, a burst of {burst}, {latency} ms per request, {rps} requests/s");

        await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = RenewalDayBurst.Now });
        using var admin = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromMinutes(10) };
        var customers = 2 * events + 20 + burst;
        await SandboxSetup.PostAsync(admin, "/_sandbox/world", new JsonObject { ["now"] = RenewalDayBurst.Now.ToString("O"), ["world"] = new JsonObject { ["customers"] = RenewalDayBurst.World(customers) } });

        // 1. Requests per diagnosis and per event, reads shared within the event or not.
        foreach (var (share, from) in new[] { (false, 0), (true, events) })
        {
            await using var product = await Product(sandbox, share, requestsPerSecond: 0);
            var diagnoses = product.Services.GetRequiredService<IDiagnosisService>();
            var before = await TotalAsync(admin);
            for (var i = from; i < from + events; i++)
            {
                await diagnoses.DiagnoseAsync(RenewalDayBurst.CustomerId(i), default);
            }

            var perDiagnosis = (await TotalAsync(admin) - before) / (double)events;
            var routesBefore = await RoutesAsync(admin);
            var handled = await HandleAsync(product, admin, await PayloadsAsync(admin, from, events));
            var routesAfter = await RoutesAsync(admin);
            Console.WriteLine($"  reads shared within an event: {(share ? "yes (now)" : "no (before)"),-11} per diagnosis {perDiagnosis:F2} requests; "
                + $"per invoice.payment_failed {handled.Total / (double)events:F2} ({handled.Reads / (double)events:F2} reads, {handled.Writes / (double)events:F2} writes)");
            foreach (var (route, count) in routesAfter.Select(r => (r.Key, r.Value - routesBefore.GetValueOrDefault(r.Key))).Where(r => r.Item2 > 0).OrderByDescending(r => r.Item2))
            {
                Console.WriteLine($"      {count / (double)events,5:F2}  {route}");
            }
        }

        // 2. A diagnosis's time against its slowest single request, every request slowed by the same latency.
        await SandboxSetup.PostAsync(admin, "/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(), ["latency_ms"] = latency });
        await using (var product = await Product(sandbox, share: true, requestsPerSecond: 0))
        {
            var diagnoses = product.Services.GetRequiredService<IDiagnosisService>();
            var stripe = product.Services.GetRequiredService<Stripe.StripeClient>();
            var whole = new List<double>();
            var single = new List<double>();
            for (var i = 2 * events; i < 2 * events + 20; i++)
            {
                var clock = Stopwatch.StartNew();
                await stripe.V1.Invoices.ListAsync(new Stripe.InvoiceListOptions { Customer = RenewalDayBurst.CustomerId(i), Limit = 100, Expand = ["data.payments"] });
                single.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                await diagnoses.DiagnoseAsync(RenewalDayBurst.CustomerId(i), default);
                whole.Add(clock.Elapsed.TotalMilliseconds);
            }

            whole.Sort();
            single.Sort();
            var p50 = Percentiles.Of([.. whole], 0.5);
            var slowest = Percentiles.Of([.. single], 0.5);
            Console.WriteLine($"  diagnosis with {latency} ms per request: p50 {p50:F0} ms, its slowest single request (the invoice list) p50 {slowest:F0} ms = {p50 / slowest:F2}x (target <= 1.2x)");
        }

        // 3. The burst at the rate limit.
        using var limits = await admin.PostAsJsonAsync("/_sandbox/rate_limits", new JsonObject { ["enabled"] = true, ["reads_per_second"] = rps, ["writes_per_second"] = rps });
        var sandboxLimits = limits.IsSuccessStatusCode;
        await using (var product = await Product(sandbox, share: true, requestsPerSecond: rps))
        {
            var payloads = await PayloadsAsync(admin, 2 * events + 20, burst);
            var clock = Stopwatch.StartNew();
            var handled = await HandleAsync(product, admin, payloads);
            var elapsed = clock.Elapsed.TotalSeconds;
            var floor = Math.Max(handled.Reads, handled.Writes) / (double)rps;
            var refused = sandboxLimits ? (await admin.GetFromJsonAsync<JsonObject>("/_sandbox/rate_limits"))!["refused"]?.GetValue<long>() : null;
            var inbox = await product.Services.GetRequiredService<WebhookInbox>().CountByStatusAsync(default);
            var lanes = product.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PreventOptions>>().Value.LanesFor(rps);
            Console.WriteLine($"  burst of {burst} invoice.payment_failed at {rps}/s with {latency} ms per request, {lanes} lanes: handled in {elapsed:F1} s; "
                + $"{handled.Total} requests ({handled.Reads} reads, {handled.Writes} writes), floor {floor:F1} s = {elapsed / floor:F2}x the floor (target <= 1.5x)");
            Console.WriteLine($"    429s from the sandbox: {(refused is null ? "n/a (this sandbox has no rate limiter; Leeway's own limiter only)" : refused.ToString())}; "
                + $"inbox: {string.Join(", ", inbox.Select(s => $"{s.Key} {s.Value}"))}");
            return inbox.GetValueOrDefault(WebhookInbox.Processed) == burst ? 0 : 1;
        }
    }

    /// <summary>One <c>invoice.payment_failed</c> per failed renewal, as Stripe would send it (built before any clock starts).</summary>
    private static async Task<List<string>> PayloadsAsync(HttpClient admin, int from, int count)
    {
        var payloads = new List<string>(count);
        for (var i = from; i < from + count; i++)
        {
            var invoice = (await admin.GetFromJsonAsync<JsonObject>($"/_sandbox/objects/{RenewalDayBurst.InvoiceId(i)}"))!;
            payloads.Add(RenewalDayBurst.Event($"evt_requests_{i:D5}", "invoice.payment_failed", invoice));
        }

        return payloads;
    }

    private static async Task<(long Total, long Reads, long Writes)> HandleAsync(WebApplication product, HttpClient admin, List<string> payloads)
    {
        var before = await CountsAsync(admin);
        var secret = product.Configuration["Billing:WebhookSecret"]!;
        using var http = new HttpClient { BaseAddress = new Uri(product.Urls.First()), Timeout = TimeSpan.FromMinutes(5) };
        await RenewalDayBurst.DeliverAsync(http, payloads, secret, 16);
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(60)))
        {
            await product.Services.GetRequiredService<IWebhookBacklog>().HandledAsync(limit.Token);
        }

        var after = await CountsAsync(admin);
        return (after.Total - before.Total, after.Reads - before.Reads, after.Writes - before.Writes);
    }

    /// <summary>Requests answered so far, by route (e.g. <c>GET /v1/customers/{id}</c>).</summary>
    private static async Task<Dictionary<string, long>> RoutesAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonObject>("/_sandbox/request_counts"))!["by_route"]!.AsObject().ToDictionary(r => r.Key, r => r.Value!.GetValue<long>());

    private static async Task<long> TotalAsync(HttpClient admin) => (await CountsAsync(admin)).Total;

    private static async Task<(long Total, long Reads, long Writes)> CountsAsync(HttpClient admin)
    {
        var counts = (await admin.GetFromJsonAsync<JsonObject>("/_sandbox/request_counts"))!;
        var reads = counts["by_route"]!.AsObject().Where(r => r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value!.GetValue<long>());
        var total = counts["total"]!.GetValue<long>();
        return (total, reads, total - reads);
    }

    private static async Task<WebApplication> Product(SandboxHost sandbox, bool share, int requestsPerSecond)
    {
        var folder = Path.Combine(Path.GetTempPath(), "leeway-bench", "requests-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)));
        Directory.CreateDirectory(folder);
        var product = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = folder,
            ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["Billing:WebhookSecret"] = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant(),
            ["Billing:ShareReadsInScope"] = share ? "true" : "false",
            ["Billing:RequestsPerSecond"] = requestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Diagnostics:Deadlines:Stripe"] = "30000",
            ["Prevent:SchedulerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "None",
        }, new FixedClock(RenewalDayBurst.Now));
        await product.StartAsync();
        return product;
    }
}
