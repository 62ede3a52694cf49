using System.Diagnostics;
using Leeway.Diagnostics;
using Leeway.Diagnostics.Sources;
using Leeway.Policy;
using Leeway.Policy.Rules;
using Leeway.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Leeway.Tests.Diagnostics;

/// <summary>The fan-out: sources read concurrently under their deadlines, with real delays.</summary>
public sealed class DiagnosisServiceTests
{
    private const string World = """
        {"id": "cus_a",
         "payment_methods": [{"id": "pm_1", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2028, "default": true}],
         "subscriptions": [{"id": "sub_1", "status": "past_due", "items": [{"price": "p", "quantity": 1, "unit_amount": 2000}],
                            "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z"}],
         "invoices": [{"id": "in_1", "subscription": "sub_1", "status": "open", "amount_due": 2000, "created": "2026-11-01T00:00:00Z", "attempt_count": 1, "last_payment_error": "insufficient_funds"}],
         "entitlements": [{"feature": "sso", "active": false, "source": "sub_1"}],
         "usage": [{"meter": "api", "period_start": "2026-09-01T00:00:00Z", "period_end": "2026-10-01T00:00:00Z", "quantity": 1, "amount": 100},
                   {"meter": "api", "period_start": "2026-10-01T00:00:00Z", "period_end": "2026-11-01T00:00:00Z", "quantity": 9, "amount": 900}]}
        """;

    private static readonly DateTimeOffset Now = ScenarioWorld.Time("2026-11-10T09:00:00Z");

    private static DiagnosisService Service(Script stripe, Script entitlements, Script usage, int deadlineMs = 300, PolicySettings? policy = null)
    {
        var customer = ScenarioWorld.Customer(World);
        var sources = new DiagnosisSources(
            new ScriptedBillingReader(ScenarioWorld.Snapshot(customer), stripe),
            new ScriptedEntitlementSource(ScenarioWorld.Entitlements(customer), entitlements),
            new ScriptedUsageSource(ScenarioWorld.Usage(customer), usage));
        var options = new DiagnosticsOptions { Deadlines = new DeadlineOptions { Stripe = deadlineMs, Entitlements = deadlineMs, Usage = deadlineMs } };
        var provider = policy is null ? null : new FixedPolicy(policy);
        return new DiagnosisService(sources, Options.Create(options), new FakeTimeProvider(Now), NullLogger<DiagnosisService>.Instance, provider);
    }

    [Fact]
    public async Task When_every_source_answers_all_causes_are_found_and_every_source_reported()
    {
        var diagnosis = await Service(Script.Answer, Script.Answer, Script.Answer).DiagnoseAsync("cus_a", CancellationToken.None);

        Assert.NotNull(diagnosis);
        Assert.Equal("payment_failed_insufficient_funds", WireName.Of(diagnosis.RootCause));
        Assert.Equal(["payment_failed_insufficient_funds", "entitlement_mismatch", "usage_spike"], diagnosis.Findings.Select(f => WireName.Of(f.RootCause)));
        Assert.Equal([SourceNames.Stripe, SourceNames.Entitlements, SourceNames.Usage], diagnosis.Sources.Select(s => s.Name));
        Assert.All(diagnosis.Sources, s => Assert.True(s.Answered));
        Assert.Equal(Now, diagnosis.ComputedAt);
    }

    [Fact]
    public async Task A_source_slower_than_its_deadline_is_unavailable_and_the_diagnosis_still_arrives()
    {
        var watch = Stopwatch.StartNew();
        var diagnosis = await Service(Script.Answer, Script.Answer, Script.After(10_000), deadlineMs: 300).DiagnoseAsync("cus_a", CancellationToken.None);
        watch.Stop();

        Assert.NotNull(diagnosis);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        var usage = Assert.Single(diagnosis.Sources, s => s.Name == SourceNames.Usage);
        Assert.False(usage.Answered);
        Assert.Equal("timeout", usage.Error);
        Assert.True(usage.LatencyMs >= 250, $"latency {usage.LatencyMs} ms");
        Assert.Equal("usage", Assert.Single(diagnosis.Findings, f => WireName.Of(f.RootCause) == "source_unavailable").Facts[FactKeys.Source]);
        Assert.DoesNotContain(diagnosis.Findings, f => WireName.Of(f.RootCause) == "usage_spike");
        Assert.Equal("payment_failed_insufficient_funds", WireName.Of(diagnosis.RootCause));
    }

    [Fact]
    public async Task A_source_that_blocks_and_ignores_cancellation_cannot_hold_the_diagnosis()
    {
        var hang = new Script(TimeSpan.FromSeconds(3), IgnoresCancellation: true);
        var watch = Stopwatch.StartNew();
        var diagnosis = await Service(Script.Answer, hang, Script.Answer, deadlineMs: 300).DiagnoseAsync("cus_a", CancellationToken.None);
        watch.Stop();

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2.5), $"took {watch.Elapsed}");
        Assert.False(Assert.Single(diagnosis!.Sources, s => s.Name == SourceNames.Entitlements).Answered);
    }

    [Fact]
    public async Task A_failing_source_is_reported_as_an_error_and_hides_only_what_it_holds()
    {
        var diagnosis = await Service(Script.Answer, Script.Fail, Script.Answer).DiagnoseAsync("cus_a", CancellationToken.None);

        var entitlements = Assert.Single(diagnosis!.Sources, s => s.Name == SourceNames.Entitlements);
        Assert.Equal((false, "error"), (entitlements.Answered, entitlements.Error));
        Assert.Equal(["payment_failed_insufficient_funds", "source_unavailable", "usage_spike"], diagnosis.Findings.Select(f => WireName.Of(f.RootCause)));
    }

    [Fact]
    public async Task With_stripe_down_the_missing_source_decides_and_a_human_is_offered()
    {
        var diagnosis = await Service(Script.Fail, Script.Answer, Script.Answer).DiagnoseAsync("cus_a", CancellationToken.None);

        Assert.Equal(("source_unavailable", "contact_human"), (WireName.Of(diagnosis!.RootCause), WireName.Of(diagnosis.RecommendedAction)));
        Assert.Equal(["source_unavailable", "usage_spike"], diagnosis.Findings.Select(f => WireName.Of(f.RootCause)));
        Assert.Contains("our payment records", diagnosis.Explanation);
    }

    [Fact]
    public async Task Sources_are_read_at_the_same_time()
    {
        var watch = Stopwatch.StartNew();
        var diagnosis = await Service(Script.After(400), Script.After(400), Script.After(400), deadlineMs: 5000).DiagnoseAsync("cus_a", CancellationToken.None);
        watch.Stop();

        Assert.All(diagnosis!.Sources, s => Assert.True(s.Answered));
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(1100), $"three 400 ms reads took {watch.Elapsed}: not concurrent");
    }

    [Fact]
    public async Task A_customer_stripe_does_not_know_has_no_diagnosis()
    {
        var sources = new DiagnosisSources(
            new ScriptedBillingReader(null, Script.Answer),
            new ScriptedEntitlementSource([], Script.Answer),
            new ScriptedUsageSource([], Script.Answer));
        var service = new DiagnosisService(sources, Options.Create(new DiagnosticsOptions()), new FakeTimeProvider(Now), NullLogger<DiagnosisService>.Instance);

        Assert.Null(await service.DiagnoseAsync("cus_nobody", CancellationToken.None));
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_a_source_failure()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Service(Script.After(2000), Script.After(2000), Script.After(2000), deadlineMs: 5000).DiagnoseAsync("cus_a", cancel.Token));
    }

    [Fact]
    public async Task The_policy_in_force_sets_the_usage_spike_factor()
    {
        var diagnosis = await Service(Script.Answer, Script.Answer, Script.Answer, policy: new PolicySettings { UsageSpikeFactor = 10 }).DiagnoseAsync("cus_a", CancellationToken.None);

        Assert.DoesNotContain(diagnosis!.Findings, f => WireName.Of(f.RootCause) == "usage_spike");
    }

    private sealed class FixedPolicy(PolicySettings settings) : IPolicyProvider
    {
        public PolicySettings Current => settings;
    }
}
