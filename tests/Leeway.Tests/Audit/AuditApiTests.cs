using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Audit;
using Leeway.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Audit;

/// <summary><c>GET /api/v1/audit</c> over real HTTP: for staff and services only, filtered by customer.</summary>
public sealed class AuditApiTests
{
    [Fact]
    public async Task Staff_list_a_customers_entries_and_customers_cannot()
    {
        using var db = await AuditTestDatabase.CreateAsync();
        await using var app = LeewayApp.Build([], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = db.Directory,
            ["Storage:ConnectionString"] = db.ConnectionString,
            ["Prevent:SchedulerEnabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        await app.StartAsync();
        var log = app.Services.GetRequiredService<IAuditLog>();
        await log.AppendAsync(AuditLogTests.Record(1, "cus_a"), default);
        await log.AppendAsync(AuditLogTests.Record(2, "cus_b"), default);
        await log.AppendAsync(AuditLogTests.Record(3, "cus_a"), default);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Services.GetRequiredService<ServiceKey>().Value);
        var page = await http.GetFromJsonAsync<JsonObject>("/api/v1/audit?customer=cus_a");
        var verify = await http.GetFromJsonAsync<JsonObject>("/api/v1/audit/verify");
        var badLimit = await http.GetAsync("/api/v1/audit?limit=0");
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", app.Services.GetRequiredService<CustomerTokens>().Issue("cus_a"));
        var asCustomer = await http.GetAsync("/api/v1/audit?customer=cus_a");

        Assert.Equal([1L, 3L], page!["data"]!.AsArray().Select(e => (long)e!["seq"]!));
        Assert.Equal("customer:cus_a", (string?)page["data"]![0]!["principal"]);
        Assert.True((bool)verify!["intact"]!);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asCustomer.StatusCode);
        await app.StopAsync();
    }
}
