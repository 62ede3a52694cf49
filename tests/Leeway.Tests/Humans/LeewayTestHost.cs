using System.Net.Http.Headers;
using Leeway.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Humans;

/// <summary>The real product host on 127.0.0.1 (port 0) with its own SQLite file, and clients for a customer and for staff.</summary>
internal sealed class LeewayTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LeewayTestHost(WebApplication app, string directory, Uri address)
    {
        _app = app;
        Directory = directory;
        Address = address;
    }

    public string Directory { get; }
    public Uri Address { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<LeewayTestHost> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("leeway-host-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "leeway.db")}",
            ["Storage:DataDirectory"] = directory,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = LeewayApp.Build([], settings);
        await app.StartAsync();
        return new LeewayTestHost(app, directory, new Uri(app.Urls.First()));
    }

    public HttpClient Customer(string customerId) => Client(Services.GetRequiredService<CustomerTokens>().Issue(customerId));

    public HttpClient Staff() => Client(Services.GetRequiredService<ServiceKey>().Value);

    public HttpClient Anonymous() => new() { BaseAddress = Address };

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may linger; the OS cleans the temp folder.
        }
    }

    private HttpClient Client(string bearer)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return client;
    }
}
