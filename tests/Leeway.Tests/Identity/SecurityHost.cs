using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Leeway.Identity;
using Leeway.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leeway.Tests.Identity;

/// <summary>
/// The real product host on 127.0.0.1 with its own database (SQLite or PostgreSQL), a known webhook secret, every log
/// line kept, and a client that neither follows redirects nor keeps cookies (tests send and read them themselves).
/// </summary>
internal sealed partial class SecurityHost : IAsyncDisposable
{
    public const string WebhookSecret = "whsec_security_tests";

    private readonly WebApplication _app;
    private readonly TestDatabase _storage;

    private SecurityHost(WebApplication app, TestDatabase storage, LogCapture logs)
    {
        _app = app;
        _storage = storage;
        Logs = logs;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            BaseAddress = new Uri(app.Urls.First()),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    public HttpClient Http { get; }

    public LogCapture Logs { get; }

    public string DataDirectory => _storage.Directory;

    public static async Task<SecurityHost> StartAsync(string kind = "sqlite", IReadOnlyDictionary<string, string?>? extra = null)
    {
        var storage = await TestDatabase.CreateAsync(kind);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Storage:DataDirectory"] = storage.Directory,
            // Nothing listens here: these tests never reach billing.
            ["Billing:ApiBase"] = "http://127.0.0.1:9",
            ["Billing:WebhookSecret"] = WebhookSecret,
            ["Prevent:SchedulerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Information",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var logs = new LogCapture();
        var app = LeewayApp.Build([], settings, services: s => s.AddSingleton<ILoggerProvider>(logs));
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            await storage.DisposeAsync();
            throw;
        }

        return new SecurityHost(app, storage, logs);
    }

    public T Get<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    public string CustomerToken(string customerId) => Get<CustomerTokens>().Issue(customerId);

    public HttpRequestMessage AsCustomer(HttpMethod method, string path, string customerId)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CustomerToken(customerId));
        return request;
    }

    public HttpRequestMessage AsService(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Get<ServiceKey>().Value);
        return request;
    }

    /// <summary>A delivery signed as Stripe signs one (<c>t=…,v1=HMAC-SHA256(secret, t.payload)</c>).</summary>
    public static string Sign(string payload)
    {
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes($"{t}.{payload}"));
        return $"t={t},v1={Convert.ToHexString(mac).ToLowerInvariant()}";
    }

    /// <summary>The page's antiforgery form token and the cookies that came with it (the antiforgery cookie among them).</summary>
    public async Task<(string Token, string Cookies)> FormAsync(string path, string? cookies = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (cookies is not null)
        {
            request.Headers.Add("Cookie", cookies);
        }

        using var response = await Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html);
        Assert.True(token.Success, $"no antiforgery field on {path} ({(int)response.StatusCode})");
        return (System.Net.WebUtility.HtmlDecode(token.Groups[1].Value), Join(cookies, CookiesOf(response)));
    }

    /// <summary>Posts the staff sign-in form; the response as it came (302 to the console when signed in).</summary>
    public async Task<HttpResponseMessage> StaffSignInAsync(string email, string password)
    {
        var (token, cookies) = await FormAsync("/console/sign-in");
        var request = new HttpRequestMessage(HttpMethod.Post, "/console/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["__antiforgery"] = token }),
        };
        request.Headers.Add("Cookie", cookies);
        return await Http.SendAsync(request);
    }

    public static string CookiesOf(HttpResponseMessage response) =>
        string.Join("; ", (response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
            .Select(c => c.Split(';')[0])
            .Where(c => !c.EndsWith('=')));

    public static string Join(string? a, string b) => string.Join("; ", new[] { a, b }.Where(s => !string.IsNullOrEmpty(s)));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
    }

    [GeneratedRegex("name=\"__antiforgery\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Every log line the host writes, with its category.</summary>
    internal sealed class LogCapture : ILoggerProvider
    {
        private readonly ConcurrentQueue<(string Category, string Message)> _lines = new();

        public IReadOnlyList<(string Category, string Message)> Lines => _lines.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, string)> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue((category, formatter(state, exception) + (exception is null ? "" : " " + exception)));
        }
    }
}
