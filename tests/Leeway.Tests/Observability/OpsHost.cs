using System.Net.Http.Headers;
using Leeway.Identity;
using Leeway.Routing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Observability;

/// <summary>The real product host on 127.0.0.1 (a free port), its own SQLite file in a temp folder, a fake clock.</summary>
internal sealed class OpsHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);

    private readonly string directory;

    private OpsHost(WebApplication app, FakeTimeProvider time, string directory)
    {
        App = app;
        Time = time;
        this.directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Anonymous = new HttpClient { BaseAddress = new Uri(address) };
        Service = Client(app.Services.GetRequiredService<ServiceKey>().Value);
    }

    public WebApplication App { get; }

    /// <summary>The host's clock.</summary>
    public FakeTimeProvider Time { get; }

    public HttpClient Anonymous { get; }

    /// <summary>A staff/internal caller (policy <c>service</c>).</summary>
    public HttpClient Service { get; }

    public IContactLog Log => App.Services.GetRequiredService<IContactLog>();

    public static async Task<OpsHost> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var directory = Directory.CreateTempSubdirectory("leeway-ops-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = directory,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var time = new FakeTimeProvider(Now);
        var app = LeewayApp.Build([], settings, time);
        await app.StartAsync();
        return new OpsHost(app, time, directory);
    }

    public HttpClient Customer(string customerId) => Client(App.Services.GetRequiredService<CustomerTokens>().Issue(customerId));

    public async ValueTask DisposeAsync()
    {
        Anonymous.Dispose();
        Service.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private HttpClient Client(string token)
    {
        var client = new HttpClient { BaseAddress = Anonymous.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
