using Leeway.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.SelfHeal;

/// <summary>A real product host on a temp SQLite file, for what the pages do before any billing is read (sign-in, guards).</summary>
internal sealed class PageHost : IAsyncDisposable
{
    private readonly string _directory;

    private PageHost(WebApplication app, string directory)
    {
        App = app;
        _directory = directory;
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(app.Urls.First()) };
    }

    public WebApplication App { get; }

    /// <summary>No redirects followed and no cookie jar: tests see and send cookies themselves.</summary>
    public HttpClient Http { get; }

    public static async Task<PageHost> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("leeway-pages-").FullName;
        var app = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = directory,
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "leeway.db")}",
            // Nothing listens here: these tests never reach billing.
            ["Billing:ApiBase"] = "http://127.0.0.1:9",
            ["Prevent:SchedulerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "None",
        });
        await app.StartAsync();
        return new PageHost(app, directory);
    }

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    public string Token(string customerId) => Service<CustomerTokens>().Issue(customerId);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
