using System.Net.Http.Headers;
using System.Net.Http.Json;
using Leeway.Diagnostics;
using Leeway.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Diagnostics;

/// <summary>The product as it runs (<see cref="LeewayApp.Build"/>) on a free port with its own SQLite folder.</summary>
internal sealed class ProductHost : IAsyncDisposable
{
    public const string ServiceKey = "lwysvc_test_diagnostics";

    private readonly string _folder;

    private ProductHost(WebApplication app, string folder, Uri baseUrl)
    {
        App = app;
        _folder = folder;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = baseUrl };
    }

    public WebApplication App { get; }

    public Uri BaseUrl { get; }

    public HttpClient Http { get; }

    /// <param name="settings">Overrides; Stripe defaults to a closed port unless <c>Billing:ApiBase</c> is given.</param>
    public static async Task<ProductHost> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider? time = null)
    {
        var folder = Directory.CreateTempSubdirectory("leeway-product-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = folder,
            ["Identity:ServiceKey"] = ServiceKey,
            ["Billing:ApiBase"] = "http://127.0.0.1:9",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var app = LeewayApp.Build([], all, time);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new ProductHost(app, folder, new Uri(address));
    }

    public string TokenFor(string customerId) => App.Services.GetRequiredService<CustomerTokens>().Issue(customerId);

    public Task<HttpResponseMessage> GetAsync(string path, string? bearer)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return Http.SendAsync(request);
    }

    /// <summary>The diagnosis as staff see it (service key), asserting it answered 200.</summary>
    public async Task<Diagnosis> DiagnosisAsync(string customerId)
    {
        using var response = await GetAsync($"/api/v1/customers/{Uri.EscapeDataString(customerId)}/diagnosis", ServiceKey);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Diagnosis>())!;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing handle: the temp folder is left for the OS to clean.
        }
    }
}
