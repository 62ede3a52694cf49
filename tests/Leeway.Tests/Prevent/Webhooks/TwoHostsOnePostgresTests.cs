using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using Leeway.Audit;
using Leeway.Humans;
using Leeway.Identity;
using Leeway.Prevent;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Webhooks;
using Leeway.SelfHeal;
using Leeway.Storage;
using Leeway.StripeSandbox;
using Leeway.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Prevent.Webhooks;

/// <summary>
/// Many hosts, one truth: two product hosts started together on one fresh PostgreSQL database, both Stripe webhook
/// endpoints (so every event reaches both, at once), chats and page posts that start on one host and continue on the
/// other, a dispute announced by two event ids, payment failures told twice, and one host killed mid-burst.
/// </summary>
public sealed partial class TwoHostsOnePostgresTests : IDisposable
{
    private const string SigningKey = "two-hosts-share-this-token-signing-key";
    private readonly TestFolder _folder = new();

    [Fact]
    public async Task Every_event_is_handled_once_with_no_doubled_nudge_case_or_stripe_action_and_the_audit_chain_holds()
    {
        await using var database = await TestDatabase.CreateAsync("postgres");
        string[] failing = [.. Enumerable.Range(0, 18).Select(i => $"cus_th{i:D2}")];
        string[] disputed = [.. Enumerable.Range(0, 4).Select(i => $"cus_td{i}")];
        var world = new JsonArray();
        foreach (var (customer, i) in failing.Select((c, i) => (c, i)))
        {
            world.Add(((i % 3) switch
            {
                0 => Worlds.FailedRenewal(customer, "decline:insufficient_funds", "insufficient_funds", nextPaymentAttempt: "2026-11-13T09:00:00Z"),
                1 => Worlds.FailedRenewal(customer, "decline:expired_card", "expired_card"),
                _ => Worlds.FailedRenewal(customer, "requires_authentication", "authentication_required"),
            })[0]!.DeepClone());
        }

        foreach (var customer in disputed)
        {
            world.Add(Worlds.Disputed(customer)[0]!.DeepClone());
        }

        await using var sandbox = await SandboxHost.StartAsync(new SandboxHostOptions { Now = Worlds.Now });
        using var admin = new HttpClient { BaseAddress = sandbox.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        await PostAsync(admin, "/_sandbox/world", new JsonObject { ["now"] = Worlds.Now.ToString("O"), ["world"] = new JsonObject { ["customers"] = world } });
        var clock = PreventHost.NewClock();
        var secret = PreventHost.NewSecret();

        // Started together on the fresh database: the schema migration takes turns.
        var hosts = await Task.WhenAll(StartAsync("a", database, sandbox, clock, secret), StartAsync("b", database, sandbox, clock, secret));
        var (a, b) = (hosts[0], hosts[1]);
        foreach (var host in hosts)
        {
            await PostAsync(admin, "/_sandbox/webhook_endpoints", new JsonObject { ["url"] = $"{host.App.Urls.First()}/webhooks/stripe", ["secret"] = secret });
        }

        var fired = new System.Collections.Concurrent.ConcurrentBag<string>();
        async Task FireAsync(string type, string objectId) =>
            fired.Add((await PostAsync(admin, "/_sandbox/events", new JsonObject { ["type"] = type, ["object"] = objectId }))["id"]!.GetValue<string>());

        // Burst, first half: both hosts up. Chats open on A; the meter page is loaded from A.
        var conversations = new Dictionary<string, string>();
        var pages = new Dictionary<string, string>();
        await Task.WhenAll(
            failing.Take(9).Select(c => FireAsync("invoice.payment_failed", $"in_{c}"))
                .Concat(disputed.Select(c => FireAsync("charge.dispute.created", $"dp_{c}")))
                .Concat(disputed.Select(async c => conversations[c] = await ChatAsync(a, c, null, "Why is my payment disputed? I want to talk to a person.")))
                .Concat(disputed.Select(async c => pages[c] = await AntiforgeryTokenAsync(a, c))));

        // Second half, while A is killed: the rest of the failures, every dispute and some failures told again with a new
        // event id, the chats continued and the page posted on B.
        var kill = a.KillAsync();
        await Task.WhenAll(
            failing.Skip(9).Select(c => FireAsync("invoice.payment_failed", $"in_{c}"))
                .Concat(failing.Take(6).Select(c => FireAsync("invoice.payment_failed", $"in_{c}")))
                .Concat(disputed.Select(c => FireAsync("charge.dispute.created", $"dp_{c}")))
                .Concat(disputed.Select(c => ChatAsync(b, c, conversations[c], "Please, a person.")))
                .Concat(disputed.Select(c => TalkToAPersonAsync(b, c, pages[c])))
                .Append(kill));

        // The survivor takes over whatever A had claimed once its lease runs out (and retries what failed), on its
        // scheduled work; the sandbox retries deliveries that got no answer.
        var inbox = b.Service<WebhookInbox>();
        for (var round = 0; round < 10 && await UnfinishedAsync(inbox, fired) > 0; round++)
        {
            clock.Advance(TimeSpan.FromMinutes(3));
            await PostAsync(admin, "/_sandbox/clock/advance", new JsonObject { ["to"] = clock.GetUtcNow().ToString("O") });
            await b.Service<IScheduledWork>().RunDueAsync(default);
        }

        // Every event fired was handled, once: processed in the one inbox both hosts share.
        Assert.Equal(0, await UnfinishedAsync(inbox, fired));
        Assert.Equal(9 + 9 + 6 + 4 + 4, fired.Distinct().Count());

        await using var connection = await b.Service<Database>().OpenAsync();
        // No doubled nudge (one per customer, reason, object and channel) and none lost (every failing customer nudged).
        Assert.Empty(await connection.QueryAsync<string>(
            "SELECT customer_id FROM prevent_nudges GROUP BY customer_id, reason, object_id, channel HAVING COUNT(*) > 1"));
        Assert.Equal(failing.Order(), (await connection.QueryAsync<string>("SELECT DISTINCT customer_id FROM prevent_nudges WHERE channel = 'email'")).Order());
        // No doubled job (one smart retry per invoice).
        Assert.Empty(await connection.QueryAsync<string>("SELECT object_id FROM prevent_jobs GROUP BY object_id, kind HAVING COUNT(*) > 1"));

        // No doubled Stripe action: every mutating request that did something (not an idempotent replay) is one of a kind.
        var requests = (await admin.GetFromJsonAsync<JsonObject>("/_sandbox/requests"))!["data"]!.AsArray().Select(r => r!.AsObject())
            .Where(r => r["status"]!.GetValue<int>() == 200 && !r["replayed"]!.GetValue<bool>()).ToList();
        Assert.NotEmpty(requests);
        var doubled = requests.GroupBy(r => $"{r["path"]} {r["params"]?["customer"]} {r["params"]?["mode"]}").Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(doubled);

        // One open case per disputed customer, whichever way (two event ids, two hosts, chat, page) they got there.
        var cases = b.Service<ICaseStore>();
        foreach (var customer in disputed)
        {
            var open = (await cases.ListForCustomerAsync(customer, default)).Where(c => c.Status == CaseStatus.Open).ToList();
            Assert.True(open.Count == 1, $"{customer} has {open.Count} open cases: {string.Join(", ", open.Select(c => $"{c.Source}/{c.Reason}"))}");
        }

        var audit = await new AuditVerifier(b.Service<Database>()).VerifyAsync(default);
        Assert.True(audit.Intact, audit.ToString());
        Assert.True(audit.Count > 0);
        await b.DisposeAsync();
    }

    public void Dispose() => _folder.Dispose();

    private static async Task<int> UnfinishedAsync(WebhookInbox inbox, IEnumerable<string> eventIds)
    {
        var unfinished = 0;
        foreach (var id in eventIds.Distinct())
        {
            if ((await inbox.StatusAsync(id, default))?.Status != WebhookInbox.Processed)
            {
                unfinished++;
            }
        }

        return unfinished;
    }

    private async Task<Host> StartAsync(string name, TestDatabase database, SandboxHost sandbox, FakeTimeProvider clock, string secret)
    {
        var folder = Path.Combine(_folder.Path, name);
        Directory.CreateDirectory(folder);
        var app = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = database.ConnectionString,
            ["Storage:DataDirectory"] = folder,
            ["Billing:ApiBase"] = sandbox.BaseUrl.ToString().TrimEnd('/'),
            ["Billing:WebhookSecret"] = secret,
            // Hosts behind one balancer share what signs customers' tokens.
            ["Identity:TokenSigningKey"] = SigningKey,
            ["Prevent:SchedulerEnabled"] = "false",
            // A loaded test machine must not turn a slow read into a different (still correct) path than the one checked here.
            ["Diagnostics:Deadlines:Stripe"] = "20000",
            ["Agent:TurnDeadlineMs"] = "60000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "None",
        }, clock);
        await app.StartAsync();
        return new Host(app);
    }

    /// <summary>One chat turn as the customer (a new conversation when <paramref name="conversationId"/> is null).</summary>
    private static async Task<string> ChatAsync(Host host, string customer, string? conversationId, string text)
    {
        using var http = host.Client();
        http.DefaultRequestHeaders.Authorization = new("Bearer", host.Service<CustomerTokens>().Issue(customer));
        if (conversationId is null)
        {
            using var started = await http.PostAsJsonAsync("/api/v1/conversations", new { channel = "chat" });
            started.EnsureSuccessStatusCode();
            conversationId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        }

        using var sent = await http.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text });
        Assert.True(sent.IsSuccessStatusCode, $"{customer}: chat answered {(int)sent.StatusCode}");
        return conversationId;
    }

    /// <summary>Loads the customer's Billing Health Meter and returns the page's antiforgery form token and cookie.</summary>
    private static async Task<string> AntiforgeryTokenAsync(Host host, string customer)
    {
        using var http = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.Add("Cookie", $"{CustomerCookieAuthenticationHandler.CookieName}={Uri.EscapeDataString(host.Service<CustomerTokens>().Issue(customer))}");
        using var page = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = FormToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("leeway_antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        return $"{form}\n{cookie}";
    }

    /// <summary>Posts "talk to a person" from the meter, on another host than the one that served the page.</summary>
    private static async Task TalkToAPersonAsync(Host host, string customer, string antiforgery)
    {
        var (form, cookie) = (antiforgery.Split('\n')[0], antiforgery.Split('\n')[1]);
        using var http = host.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/me?handler=Human")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__antiforgery"] = form,
                ["note"] = "About the disputed charge.",
                ["clickId"] = "click_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(10)),
            }),
        };
        request.Headers.Add("Cookie", $"{CustomerCookieAuthenticationHandler.CookieName}={Uri.EscapeDataString(host.Service<CustomerTokens>().Issue(customer))}; {cookie}");
        using var response = await http.SendAsync(request);
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK, $"{customer}: the meter answered {(int)response.StatusCode}");
    }

    private static async Task<JsonObject> PostAsync(HttpClient http, string path, JsonObject body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"sandbox {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text) as JsonObject ?? [];
    }

    [GeneratedRegex("name=\"__antiforgery\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    private sealed class Host(WebApplication app) : IAsyncDisposable
    {
        private bool _stopped;

        public WebApplication App { get; } = app;

        public T Service<T>()
            where T : notnull => App.Services.GetRequiredService<T>();

        public HttpClient Client() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(App.Urls.First()), Timeout = TimeSpan.FromSeconds(90) };

        /// <summary>As a crash: in-flight requests cut off, nothing given time to finish.</summary>
        public async Task KillAsync()
        {
            _stopped = true;
            await App.StopAsync(new CancellationToken(canceled: true));
            await App.DisposeAsync();
        }

        public async ValueTask DisposeAsync()
        {
            if (!_stopped)
            {
                _stopped = true;
                await App.StopAsync();
                await App.DisposeAsync();
            }
        }
    }
}
