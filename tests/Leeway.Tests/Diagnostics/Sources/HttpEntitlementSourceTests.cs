using Leeway.Diagnostics.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Leeway.Tests.Diagnostics.Sources;

/// <summary>The HTTP adapter against a real (small) entitlements service on Kestrel.</summary>
public sealed class HttpEntitlementSourceTests : IAsyncLifetime
{
    private WebApplication _service = null!;
    private Uri _baseUrl = null!;
    private readonly List<string> _requestedPaths = [];

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _service = builder.Build();
        _service.Use(async (context, next) =>
        {
            lock (_requestedPaths)
            {
                _requestedPaths.Add(context.Request.Path.ToUriComponent());
            }

            await next(context);
        });
        _service.MapGet("/v2/customers/{id}/entitlements", (string id) => Uri.UnescapeDataString(id) switch
        {
            "cus_a" => Results.Text("""[{"feature": "team_workspace", "active": true, "source": "sub_1"}, {"feature": "sso", "active": false, "source": "sub_1"}]""", "application/json"),
            "cus_o'brien/x" => Results.Text("""[{"feature": "seats", "active": true, "source": "manual"}]""", "application/json"),
            "cus_broken" => Results.StatusCode(500),
            "cus_garbled" => Results.Text("""[{"active": true}]""", "application/json"),
            _ => Results.NotFound(),
        });
        await _service.StartAsync();
        _baseUrl = new Uri(_service.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/v2/");
    }

    public async Task DisposeAsync()
    {
        await _service.StopAsync();
        await _service.DisposeAsync();
    }

    private HttpEntitlementSource Source() =>
        new(new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), _baseUrl);

    [Fact]
    public async Task Reads_the_customers_entitlements()
    {
        var records = await Source().ReadAsync("cus_a", CancellationToken.None);

        Assert.Equal([new("team_workspace", true, "sub_1"), new("sso", false, "sub_1")], records);
    }

    [Fact]
    public async Task The_customer_id_is_escaped_into_one_path_segment()
    {
        var records = await Source().ReadAsync("cus_o'brien/x", CancellationToken.None);

        Assert.Equal([new("seats", true, "manual")], records);
        Assert.Contains(_requestedPaths, p => p.StartsWith("/v2/customers/cus_o", StringComparison.Ordinal) && p.EndsWith("brien%2Fx/entitlements", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_customer_the_service_does_not_know_has_no_entitlements()
    {
        Assert.Empty(await Source().ReadAsync("cus_nobody", CancellationToken.None));
    }

    [Fact]
    public async Task A_server_error_fails_the_read()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() => Source().ReadAsync("cus_broken", CancellationToken.None));
    }

    [Fact]
    public async Task An_answer_without_a_feature_fails_the_read_naming_it()
    {
        var error = await Assert.ThrowsAsync<System.Text.Json.JsonException>(() => Source().ReadAsync("cus_garbled", CancellationToken.None));

        Assert.Contains("feature", error.Message);
    }

    [Fact]
    public async Task A_closed_port_fails_the_read()
    {
        var closed = new HttpEntitlementSource(new ServiceCollection().AddHttpClient().BuildServiceProvider().GetRequiredService<IHttpClientFactory>(), new Uri("http://127.0.0.1:9/"));

        await Assert.ThrowsAsync<HttpRequestException>(() => closed.ReadAsync("cus_a", CancellationToken.None));
    }
}
