using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Billing;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Sources;
using Leeway.StripeSandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Bench;

/// <summary>
/// The Billing Diagnostics API against the in-process Stripe sandbox.
/// 1. Fan-out: with latency injected on every sandbox request (and on the HTTP entitlements service), a diagnosis
///    takes at most 1.5 × the slowest single source read, far below their sum.
/// 2. Throughput: diagnoses per second over HTTP with no injected latency, the result cache off and on.
/// </summary>
internal static class DiagnosisBench
{
    private const string ServiceKey = "lwysvc_bench";
    private const string CustomerId = "cus_bench";
    private static readonly DateTimeOffset Now = new(2026, 11, 10, 9, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchArgs.Int(args, "--seconds", 5);
        var concurrency = BenchArgs.Int(args, "--concurrency", 8);
        var latencyMs = BenchArgs.Int(args, "--latency-ms", 50);
        var iterations = BenchArgs.Int(args, "--iterations", 30);

        await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = Now });
        using var admin = new HttpClient { BaseAddress = sandbox.BaseUrl };
        await SandboxSetup.PostAsync(admin, "/_sandbox/world", new JsonObject { ["now"] = Now.ToString("O", CultureInfo.InvariantCulture), ["world"] = World() });
        await using var entitlements = await EntitlementsService.StartAsync();

        Console.WriteLine($"# Diagnosis benchmark ({DateTimeOffset.Now:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version})");
        Console.WriteLine();

        // 1. Fan-out under latency.
        var ok = true;
        await using (var product = await Product.StartAsync(sandbox, entitlements.BaseUrl, cache: false))
        {
            await SandboxSetup.PostAsync(admin, "/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(), ["latency_ms"] = latencyMs });
            entitlements.LatencyMs = latencyMs;
            var services = product.App.Services;
            var stripe = services.GetRequiredService<IBillingReader>();
            var ents = services.GetRequiredService<IEntitlementSource>();
            var usage = services.GetRequiredService<IUsageSource>();
            var diagnoses = services.GetRequiredService<IDiagnosisService>();

            var reads = new (string Name, Func<Task> Read)[]
            {
                ("stripe (Stripe.net → sandbox)", () => stripe.ReadAsync(CustomerId, CancellationToken.None)),
                ("entitlements (HTTP service)", () => ents.ReadAsync(CustomerId, CancellationToken.None)),
                ("usage (embedded store)", () => usage.ReadAsync(CustomerId, CancellationToken.None)),
                ("diagnosis (in process)", () => diagnoses.DiagnoseAsync(CustomerId, CancellationToken.None)),
                ("diagnosis (HTTP API)", () => product.Http.GetStringAsync(new Uri($"/api/v1/customers/{CustomerId}/diagnosis", UriKind.Relative))),
            };
            var results = new List<(string Name, double P50, double P90)>();
            foreach (var (name, read) in reads)
            {
                var samples = await TimeAsync(read, iterations);
                results.Add((name, Percentiles.Of(samples, 0.5), Percentiles.Of(samples, 0.9)));
            }

            var slowestSource = results.Take(3).Max(r => r.P50);
            var sum = results.Take(3).Sum(r => r.P50);
            var ratio = results[3].P50 / slowestSource;
            ok = ratio <= 1.5;
            Console.WriteLine($"## Fan-out with {latencyMs} ms injected on every sandbox request and on the entitlements service ({iterations} runs each)");
            Console.WriteLine();
            Console.WriteLine("| read | p50 ms | p90 ms |");
            Console.WriteLine("|---|---:|---:|");
            foreach (var (name, p50, p90) in results)
            {
                Console.WriteLine($"| {name} | {p50:0.0} | {p90:0.0} |");
            }

            Console.WriteLine();
            Console.WriteLine($"Slowest single source (p50): {slowestSource:0.0} ms; the three read one after another: {sum:0.0} ms.");
            Console.WriteLine($"Diagnosis / slowest source = {ratio:0.00} (target ≤ 1.5): {(ok ? "PASS" : "FAIL")}");
            Console.WriteLine();
            await SandboxSetup.PostAsync(admin, "/_sandbox/faults", new JsonObject { ["faults"] = new JsonArray(), ["latency_ms"] = 0 });
            entitlements.LatencyMs = 0;
        }

        // 2. Throughput without injected latency, cache off and on.
        Console.WriteLine($"## Throughput over HTTP, no injected latency ({concurrency} concurrent callers, {seconds} s each)");
        Console.WriteLine();
        Console.WriteLine("| cache | diagnoses/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var cache in new[] { false, true })
        {
            await using var product = await Product.StartAsync(sandbox, entitlements.BaseUrl, cache);
            var (perSecond, p50, p99) = await ThroughputAsync(product.Http, concurrency, TimeSpan.FromSeconds(seconds));
            Console.WriteLine($"| {(cache ? "on" : "off")} | {perSecond:0} | {p50:0.0} | {p99:0.0} |");
        }

        return ok ? 0 : 1;
    }

    private static async Task<List<double>> TimeAsync(Func<Task> read, int iterations)
    {
        for (var i = 0; i < 3; i++)
        {
            await read(); // warm up: JIT, connections
        }

        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await read();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return samples;
    }

    private static async Task<(double PerSecond, double P50, double P99)> ThroughputAsync(HttpClient http, int concurrency, TimeSpan duration)
    {
        var path = new Uri($"/api/v1/customers/{CustomerId}/diagnosis", UriKind.Relative);
        for (var i = 0; i < 20; i++)
        {
            (await http.GetAsync(path)).EnsureSuccessStatusCode();
        }

        var latencies = new List<double>();
        var watch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (watch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync(path);
                response.EnsureSuccessStatusCode();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            return mine;
        })).ToList();
        foreach (var worker in workers)
        {
            latencies.AddRange(await worker);
        }

        return (latencies.Count / watch.Elapsed.TotalSeconds, Percentiles.Of(latencies, 0.5), Percentiles.Of(latencies, 0.99));
    }

    /// <summary>A customer with a year of history: every list Stripe is asked for has something in it, and a dispute.</summary>
    private static JsonObject World()
    {
        var invoices = new JsonArray();
        var charges = new JsonArray();
        for (var month = 1; month <= 10; month++)
        {
            var created = new DateTimeOffset(2026, month, 1, 0, 0, 0, TimeSpan.Zero);
            invoices.Add(new JsonObject
            {
                ["id"] = $"in_bench_{month:00}",
                ["subscription"] = "sub_bench",
                ["status"] = "paid",
                ["amount_due"] = 4900,
                ["amount_paid"] = 4900,
                ["currency"] = "usd",
                ["created"] = Iso(created),
                ["attempt_count"] = 1,
            });
            charges.Add(new JsonObject
            {
                ["id"] = $"ch_bench_{month:00}",
                ["amount"] = 4900,
                ["currency"] = "usd",
                ["created"] = Iso(created.AddMinutes(5)),
                ["invoice"] = $"in_bench_{month:00}",
                ["payment_method"] = "pm_bench",
                ["status"] = "succeeded",
                ["amount_refunded"] = month == 9 ? 4900 : 0,
                ["disputed"] = month == 3,
            });
        }

        invoices.Add(new JsonObject
        {
            ["id"] = "in_bench_11",
            ["subscription"] = "sub_bench",
            ["status"] = "open",
            ["amount_due"] = 4900,
            ["currency"] = "usd",
            ["created"] = "2026-11-01T00:00:00Z",
            ["due_date"] = "2026-11-08T00:00:00Z",
            ["attempt_count"] = 1,
            ["last_payment_error"] = "insufficient_funds",
        });
        var customer = new JsonObject
        {
            ["id"] = CustomerId,
            ["email"] = "bench@example.com",
            ["name"] = "Bench Mark",
            ["plan"] = "team",
            ["created"] = "2025-01-01T00:00:00Z",
            ["payment_methods"] = new JsonArray(new JsonObject
            {
                ["id"] = "pm_bench",
                ["brand"] = "visa",
                ["last4"] = "4242",
                ["exp_month"] = 8,
                ["exp_year"] = 2028,
                ["default"] = true,
                ["on_charge"] = "succeed",
            }),
            ["subscriptions"] = new JsonArray(new JsonObject
            {
                ["id"] = "sub_bench",
                ["status"] = "past_due",
                ["items"] = new JsonArray(new JsonObject { ["price"] = "price_team", ["quantity"] = 1, ["unit_amount"] = 4900 }),
                ["current_period_start"] = "2026-11-01T00:00:00Z",
                ["current_period_end"] = "2026-12-01T00:00:00Z",
                ["cancel_at_period_end"] = false,
            }),
            ["invoices"] = invoices,
            ["charges"] = charges,
            ["refunds"] = new JsonArray(new JsonObject { ["id"] = "re_bench", ["charge"] = "ch_bench_09", ["amount"] = 4900, ["status"] = "succeeded", ["created"] = "2026-09-03T00:00:00Z" }),
            ["disputes"] = new JsonArray(new JsonObject
            {
                ["id"] = "dp_bench",
                ["charge"] = "ch_bench_03",
                ["amount"] = 4900,
                ["status"] = "won",
                ["reason"] = "general",
                ["created"] = "2026-03-20T00:00:00Z",
            }),
            ["checkout_sessions"] = new JsonArray(new JsonObject
            {
                ["id"] = "cs_bench",
                ["mode"] = "payment",
                ["status"] = "complete",
                ["expires_at"] = "2026-06-02T00:00:00Z",
                ["amount_total"] = 1500,
            }),
        };
        return new JsonObject { ["customers"] = new JsonArray(customer) };
    }

    private static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The product on a free port, Stripe.net pointed at the sandbox, entitlements over HTTP, usage embedded.</summary>
    private sealed class Product : IAsyncDisposable
    {
        private readonly string _folder;

        private Product(WebApplication app, HttpClient http, string folder)
        {
            App = app;
            Http = http;
            _folder = folder;
        }

        public WebApplication App { get; }

        public HttpClient Http { get; }

        public static async Task<Product> StartAsync(SandboxHost sandbox, Uri entitlements, bool cache)
        {
            var folder = Directory.CreateTempSubdirectory("leeway-bench-").FullName;
            var app = LeewayApp.Build([], new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Storage:DataDirectory"] = folder,
                ["Identity:ServiceKey"] = ServiceKey,
                ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
                ["Diagnostics:Entitlements:Kind"] = "http",
                ["Diagnostics:Entitlements:BaseUrl"] = entitlements.ToString(),
                ["Diagnostics:Cache:Enabled"] = cache ? "true" : "false",
                ["Logging:LogLevel:Default"] = "Warning",
            }, new FakeTimeProvider(Now));
            await app.StartAsync();
            await app.Services.GetRequiredService<EmbeddedSourceStore>().FeedAsync(
                CustomerId,
                [],
                [
                    new("api_calls", Now.AddMonths(-3), Now.AddMonths(-2), 120000, 1200),
                    new("api_calls", Now.AddMonths(-2), Now.AddMonths(-1), 150000, 1500),
                    new("api_calls", Now.AddMonths(-1), Now, 160000, 1600),
                ],
                CancellationToken.None);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var http = new HttpClient { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ServiceKey);
            return new Product(app, http, folder);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A JSON entitlements service (the HTTP adapter's contract) whose latency the benchmark sets.</summary>
    private sealed class EntitlementsService : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private EntitlementsService(WebApplication app, Uri baseUrl)
        {
            _app = app;
            BaseUrl = baseUrl;
        }

        public Uri BaseUrl { get; }

        public int LatencyMs { get; set; }

        public static async Task<EntitlementsService> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            EntitlementsService? service = null;
            app.MapGet("/customers/{id}/entitlements", async (string id) =>
            {
                await Task.Delay(service!.LatencyMs);
                return Results.Json(new[] { new { feature = "team_workspace", active = true, source = "sub_bench" } });
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            service = new EntitlementsService(app, new Uri(address));
            return service;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
