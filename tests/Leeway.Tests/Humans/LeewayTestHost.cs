using System.Net.Http.Headers;
using Leeway.Identity;
using Leeway.Tests.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Humans;

/// <summary>The real product host on 127.0.0.1 (port 0) with its own database (<see cref="TestDatabase"/>), and clients for a customer and for staff.</summary>
internal sealed class LeewayTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestDatabase _storage;

    private LeewayTestHost(WebApplication app, TestDatabase storage, Uri address)
    {
        _app = app;
        _storage = storage;
        Address = address;
    }

    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<LeewayTestHost> StartAsync(IReadOnlyDictionary<string, string?>? extra = null, string kind = "sqlite")
    {
        var storage = await TestDatabase.CreateAsync(kind);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = storage.ConnectionString,
            ["Storage:DataDirectory"] = storage.Directory,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = LeewayApp.Build([], settings);
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

        return new LeewayTestHost(app, storage, new Uri(app.Urls.First()));
    }

    public HttpClient Customer(string customerId) => Client(Services.GetRequiredService<CustomerTokens>().Issue(customerId));

    public HttpClient Staff() => Client(Services.GetRequiredService<ServiceKey>().Value);

    public HttpClient Anonymous() => new() { BaseAddress = Address };

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _storage.DisposeAsync();
    }

    private HttpClient Client(string bearer)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }
}
