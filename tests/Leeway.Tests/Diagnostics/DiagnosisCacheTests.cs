using Leeway.Diagnostics;
using Leeway.Diagnostics.Sources;
using Leeway.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Diagnostics;

public sealed class DiagnosisCacheTests
{
    private readonly FakeTimeProvider _time = new(ScenarioWorld.Time("2026-11-10T09:00:00Z"));

    private (CachingDiagnosisService Service, DiagnosisCache Cache, ScriptedBillingReader Stripe) Build(Script usage)
    {
        var customer = ScenarioWorld.Customer("""{"id": "cus_a"}""");
        var stripe = new ScriptedBillingReader(ScenarioWorld.Snapshot(customer), Script.Answer);
        var options = Options.Create(new DiagnosticsOptions { Cache = new DiagnosisCacheOptions { Enabled = true, TtlSeconds = 60 } });
        var inner = new DiagnosisService(
            new DiagnosisSources(stripe, new ScriptedEntitlementSource([], Script.Answer), new ScriptedUsageSource([], usage)),
            options,
            _time,
            NullLogger<DiagnosisService>.Instance);
        var cache = new DiagnosisCache(options, _time);
        return (new CachingDiagnosisService(inner, cache), cache, stripe);
    }

    [Fact]
    public async Task A_complete_diagnosis_is_served_from_the_cache_until_it_expires()
    {
        var (service, _, stripe) = Build(Script.Answer);

        var first = await service.DiagnoseAsync("cus_a", CancellationToken.None);
        var second = await service.DiagnoseAsync("cus_a", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(61));
        await service.DiagnoseAsync("cus_a", CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(2, stripe.Reads);
    }

    [Fact]
    public async Task Invalidating_a_customer_forces_a_fresh_read()
    {
        var (service, cache, stripe) = Build(Script.Answer);

        await service.DiagnoseAsync("cus_a", CancellationToken.None);
        ((IDiagnosisCache)cache).Invalidate("cus_a");
        await service.DiagnoseAsync("cus_a", CancellationToken.None);

        Assert.Equal(2, stripe.Reads);
    }

    [Fact]
    public async Task A_diagnosis_missing_a_source_is_not_kept()
    {
        var (service, _, stripe) = Build(Script.Fail);

        var first = await service.DiagnoseAsync("cus_a", CancellationToken.None);
        await service.DiagnoseAsync("cus_a", CancellationToken.None);

        Assert.Equal("source_unavailable", WireName.Of(first!.RootCause));
        Assert.Equal(2, stripe.Reads);
    }

    [Fact]
    public void An_invalidation_during_a_computation_voids_its_result()
    {
        var (_, cache, _) = Build(Script.Answer);
        var generation = cache.Generation("cus_a");
        var diagnosis = new Diagnosis("cus_a", "green", RootCause.None, "", RecommendedAction.None, false, [], [new SourceReport(SourceNames.Stripe, true, 1, null)], _time.GetUtcNow());

        ((IDiagnosisCache)cache).Invalidate("cus_a");
        cache.Store("cus_a", generation, diagnosis);

        Assert.Null(cache.Get("cus_a"));
    }
}
