using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Leeway.Agent;
using Leeway.Eval;
using Leeway.Humans;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Microsoft.Extensions.DependencyInjection;

namespace Leeway.Tests.Agent;

/// <summary>A slow Stripe never silences Lee: the whole turn has a deadline, the customer hears what could not be done,
/// and a person gets the case with what was attempted.</summary>
public sealed class TurnDeadlineTests
{
    private const int DeadlineMs = 1500;

    [Fact]
    public async Task A_refund_stripe_does_not_confirm_in_time_is_told_as_unconfirmed_and_handed_to_a_person_with_the_attempt()
    {
        await using var world = await StartAsync();
        // Reads answer at once; Stripe takes 40 s to answer any write.
        await SlowStripeAsync(world, new JsonObject { ["faults"] = new JsonArray(), ["write_latency_ms"] = 40_000 });

        var clock = Stopwatch.StartNew();
        var (reply, state, caseId) = await ChatAsync(world, "I was charged twice this month, I want a refund for the extra one");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the reply waited for Stripe ({clock.Elapsed})");
        Assert.Equal("escalated", state);
        Assert.Contains("didn't confirm it in time", reply, StringComparison.Ordinal);
        Assert.Contains("follow up", reply, StringComparison.Ordinal);
        var handed = await world.Service<ICaseStore>().GetAsync(caseId!, CancellationToken.None);
        var attempts = handed!.Packet.ActionsAttempted;
        var attempt = Assert.Single(attempts, a => a.Rule == "no_answer_in_time");
        Assert.Equal((ActionType.Refund, false), (attempt.Action, attempt.Succeeded));
        // Beside Lee's account of it, the gate's own record of the same refund: stopped by the turn before Stripe answered.
        Assert.All(attempts, a => Assert.Equal((ActionType.Refund, false, false), (a.Action, a.Allowed, a.Succeeded)));
        Assert.Contains("refund was sent and is unconfirmed", handed.Reason + handed.Packet.Summary, StringComparison.Ordinal);
        Assert.Equal(0, (await world.Admin.ObjectAsync("ch_cleo_2", CancellationToken.None))!["amount_refunded"]!.GetValue<long>());
    }

    [Fact]
    public async Task When_stripe_cannot_even_be_read_in_time_lee_says_so_and_a_person_gets_the_case()
    {
        await using var world = await StartAsync();
        await SlowStripeAsync(world, new JsonObject { ["faults"] = new JsonArray(), ["latency_ms"] = 40_000 });

        var clock = Stopwatch.StartNew();
        var (reply, state, caseId) = await ChatAsync(world, "I was charged twice this month, I want a refund for the extra one");

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the reply waited for Stripe ({clock.Elapsed})");
        Assert.Equal("escalated", state);
        Assert.Contains("couldn't check your billing details", reply, StringComparison.Ordinal);
        var handed = await world.Service<ICaseStore>().GetAsync(caseId!, CancellationToken.None);
        Assert.Empty(handed!.Packet.ActionsAttempted);
        Assert.Contains("while reading", handed.Packet.Summary, StringComparison.Ordinal);
    }

    private static Task<ScenarioWorld> StartAsync() =>
        ScenarioWorld.StartAsync(
            ScenarioLoader.Load(Path.Combine(SharedFiles.DevScenarios, "dev-04-duplicate-charge-refund.json")),
            CancellationToken.None,
            services => services.Configure<AgentOptions>(o => o.TurnDeadlineMs = DeadlineMs));

    private static async Task SlowStripeAsync(ScenarioWorld world, JsonObject faults) =>
        (await world.SandboxHttp.PostAsJsonAsync("/_sandbox/faults", faults)).EnsureSuccessStatusCode();

    private static async Task<(string Reply, string State, string? CaseId)> ChatAsync(ScenarioWorld world, string text)
    {
        world.SignInAs("cus_cleo");
        var started = await world.ProductHttp.PostAsJsonAsync("/api/v1/conversations", new { channel = "chat" });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var sent = await world.ProductHttp.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text });
        sent.EnsureSuccessStatusCode();
        var body = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var caseId = body.TryGetProperty("case_id", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return (body.GetProperty("reply").GetString()!, body.GetProperty("state").GetString()!, caseId);
    }
}
