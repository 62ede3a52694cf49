using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Diagnostics;
using Leeway.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Leeway.Tests.Diagnostics;

/// <summary>
/// The endpoints on the real host. Stripe here is a closed port (a refused connection), so every answer is a
/// diagnosis from what answered; the same endpoints against the Stripe sandbox are in <c>SandboxDiagnosisTests</c>.
/// </summary>
public sealed class DiagnosticsApiTests : IAsyncLifetime
{
    private ProductHost _product = null!;

    public async Task InitializeAsync() => _product = await ProductHost.StartAsync(new Dictionary<string, string?>
    {
        ["Diagnostics:Deadlines:stripe"] = "1500",
    });

    public async Task DisposeAsync() => await _product.DisposeAsync();

    [Theory]
    [InlineData("/api/v1/diagnosis")]
    [InlineData("/api/v1/customers/cus_a/diagnosis")]
    public async Task Without_a_token_the_answer_is_401(string path)
    {
        using var response = await _product.GetAsync(path, bearer: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_forged_token_is_401()
    {
        var token = _product.TokenFor("cus_a");
        var forged = token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        using var response = await _product.GetAsync("/api/v1/diagnosis", forged);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_customer_reads_their_own_diagnosis_with_every_field_of_the_format()
    {
        using var response = await _product.GetAsync("/api/v1/diagnosis", _product.TokenFor("cus_a"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var name in new[] { "status", "root_cause", "explanation", "recommended_action", "self_serve_eligible", "findings", "sources", "computed_at" })
        {
            Assert.True(json.TryGetProperty(name, out _), name);
        }

        Assert.Equal("cus_a", json.GetProperty("customer").GetString());
    }

    [Fact]
    public async Task A_customer_asking_about_another_id_gets_the_same_404_as_a_nonexistent_one()
    {
        var token = _product.TokenFor("cus_a");

        using var other = await _product.GetAsync("/api/v1/customers/cus_b/diagnosis", token);
        using var own = await _product.GetAsync("/api/v1/customers/cus_a/diagnosis", token);

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        var body = await other.Content.ReadAsStringAsync();
        Assert.DoesNotContain("cus_b", body);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task The_service_key_reads_any_customer()
    {
        var diagnosis = await _product.DiagnosisAsync("cus_anyone");

        Assert.Equal("cus_anyone", diagnosis.CustomerId);
    }

    [Fact]
    public async Task The_service_key_has_no_diagnosis_of_its_own()
    {
        using var response = await _product.GetAsync("/api/v1/diagnosis", ProductHost.ServiceKey);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Stripe_refusing_the_connection_is_source_unavailable_never_a_500()
    {
        var diagnosis = await _product.DiagnosisAsync("cus_a");

        Assert.Equal(("source_unavailable", "amber", "contact_human", false), (WireName.Of(diagnosis.RootCause), diagnosis.Status, WireName.Of(diagnosis.RecommendedAction), diagnosis.SelfServeEligible));
        var stripe = Assert.Single(diagnosis.Sources, s => s.Name == "stripe");
        Assert.Equal((false, "error"), (stripe.Answered, stripe.Error));
        Assert.All(diagnosis.Sources.Where(s => s.Name != "stripe"), s => Assert.True(s.Answered));
        Assert.Equal("stripe", diagnosis.Primary!.Facts[FactKeys.Source]);
    }

    [Fact]
    public async Task The_openapi_document_names_and_describes_both_endpoints()
    {
        var document = await _product.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        var own = paths.GetProperty("/api/v1/diagnosis").GetProperty("get");
        var staff = paths.GetProperty("/api/v1/customers/{id}/diagnosis").GetProperty("get");
        Assert.Equal("GetDiagnosis", own.GetProperty("operationId").GetString());
        Assert.Equal("GetCustomerDiagnosis", staff.GetProperty("operationId").GetString());
        foreach (var operation in new[] { own, staff })
        {
            Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
            var responses = operation.GetProperty("responses");
            Assert.True(responses.TryGetProperty("200", out _));
            Assert.True(responses.TryGetProperty("404", out _));
            Assert.True(responses.TryGetProperty("401", out _));
        }
    }

    [Fact]
    public void The_embedded_store_and_the_cache_handle_are_registered_for_other_capabilities()
    {
        Assert.NotNull(_product.App.Services.GetService<Leeway.Diagnostics.Sources.EmbeddedSourceStore>());
        Assert.NotNull(_product.App.Services.GetService<IDiagnosisCache>());
        Assert.NotNull(_product.App.Services.GetService<IDiagnosisService>());
    }
}

/// <summary>Configuration: adapters, faults and the cache switched by keys, bad values refused at start.</summary>
public sealed class DiagnosticsConfigurationTests
{
    [Fact]
    public async Task Fed_entitlements_and_usage_reach_the_diagnosis_through_the_embedded_sources()
    {
        await using var product = await ProductHost.StartAsync(new Dictionary<string, string?> { ["Diagnostics:Faults:stripe"] = "error" });
        var store = product.App.Services.GetRequiredService<Leeway.Diagnostics.Sources.EmbeddedSourceStore>();
        await store.FeedAsync(
            "cus_a",
            [new("sso", false, "sub_1")],
            [
                new("api_calls", ScenarioWorld.Time("2026-09-01T00:00:00Z"), ScenarioWorld.Time("2026-10-01T00:00:00Z"), 1, 1000),
                new("api_calls", ScenarioWorld.Time("2026-10-01T00:00:00Z"), ScenarioWorld.Time("2026-11-01T00:00:00Z"), 5, 5000),
            ],
            CancellationToken.None);

        var diagnosis = await product.DiagnosisAsync("cus_a");

        Assert.Equal(["source_unavailable", "usage_spike"], diagnosis.Findings.Select(f => WireName.Of(f.RootCause)));
    }

    [Theory]
    [InlineData("usage", "error")]
    [InlineData("usage", "timeout")]
    [InlineData("entitlements", "error")]
    [InlineData("entitlements", "timeout")]
    [InlineData("stripe", "timeout")]
    public async Task An_injected_fault_makes_that_source_unavailable_within_its_deadline(string source, string mode)
    {
        await using var product = await ProductHost.StartAsync(new Dictionary<string, string?>
        {
            [$"Diagnostics:Faults:{source}"] = mode,
            [$"Diagnostics:Deadlines:{source}"] = "300",
            ["Diagnostics:Faults:stripe"] = source == "stripe" ? mode : "error",
        });

        var diagnosis = await product.DiagnosisAsync("cus_a");

        var report = Assert.Single(diagnosis.Sources, s => s.Name == source);
        Assert.Equal((false, mode), (report.Answered, report.Error));
        Assert.Contains(diagnosis.Findings, f => WireName.Of(f.RootCause) == "source_unavailable" && f.Facts[FactKeys.Source] == source);
    }

    [Theory]
    [InlineData("Diagnostics:Entitlements:Kind", "ldap", "Diagnostics:Entitlements:Kind")]
    [InlineData("Diagnostics:Usage:Kind", "clickhouse", null)]
    [InlineData("Diagnostics:Deadlines:usage", "0", "Diagnostics:Deadlines:usage")]
    [InlineData("Diagnostics:Faults:usage", "explode", "Diagnostics:Faults:usage")]
    [InlineData("Diagnostics:Faults:billing", "error", "Diagnostics:Faults:billing")]
    public async Task Bad_configuration_fails_at_start_naming_the_key(string key, string value, string? named)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (named is null)
        {
            // A valid kind with an invalid companion setting.
            settings["Diagnostics:Usage:Table"] = "usage; DROP TABLE x";
            named = "Diagnostics:Usage:Table";
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => ProductHost.StartAsync(settings));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public async Task The_http_entitlements_kind_requires_its_base_url()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            ProductHost.StartAsync(new Dictionary<string, string?> { ["Diagnostics:Entitlements:Kind"] = "http" }));

        Assert.Contains("Diagnostics:Entitlements:BaseUrl", error.Message);
    }

    [Fact]
    public async Task With_the_cache_on_the_diagnosis_is_computed_once_until_invalidated()
    {
        await using var product = await ProductHost.StartAsync(new Dictionary<string, string?>
        {
            ["Diagnostics:Cache:Enabled"] = "true",
            ["Diagnostics:Faults:stripe"] = "error",
        });
        var store = product.App.Services.GetRequiredService<Leeway.Diagnostics.Sources.EmbeddedSourceStore>();
        var service = product.App.Services.GetRequiredService<IDiagnosisService>();

        // Stripe is down, so nothing is cached (a diagnosis missing a source is computed again next time).
        var first = await service.DiagnoseAsync("cus_a", CancellationToken.None);
        await store.FeedAsync("cus_a", [], [new("m", ScenarioWorld.Time("2026-09-01T00:00:00Z"), ScenarioWorld.Time("2026-10-01T00:00:00Z"), 1, 1), new("m", ScenarioWorld.Time("2026-10-01T00:00:00Z"), ScenarioWorld.Time("2026-11-01T00:00:00Z"), 1, 100)], CancellationToken.None);
        var second = await service.DiagnoseAsync("cus_a", CancellationToken.None);

        Assert.DoesNotContain(first!.Findings, f => WireName.Of(f.RootCause) == "usage_spike");
        Assert.Contains(second!.Findings, f => WireName.Of(f.RootCause) == "usage_spike");
        Assert.IsType<CachingDiagnosisService>(service);
    }
}
