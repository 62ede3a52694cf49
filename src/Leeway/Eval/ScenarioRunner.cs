using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Agent;
using Leeway.Agent.Conversations;
using Leeway.Humans;
using Leeway.Policy;
using Leeway.Policy.Actions;
using Leeway.Prevent;
using Leeway.Prevent.Jobs;
using Leeway.Prevent.Nudges;
using Leeway.Prevent.Webhooks;
using Leeway.StripeSandbox;

namespace Leeway.Eval;

/// <summary>Runs one scenario in a fresh world, through the product's real HTTP endpoints, and records what happened.</summary>
internal static class ScenarioRunner
{
    /// <summary>How far the clock moves per step while advancing: within the webhook signature tolerance (300 s),
    /// so events the sandbox signs during a step still verify on the product's clock.</summary>
    private static readonly TimeSpan ClockStep = TimeSpan.FromMinutes(4);

    public static async Task<ScenarioObservation> RunAsync(Scenario scenario, CancellationToken ct, string? postgres = null, SandboxTrace? trace = null)
    {
        await using var world = await ScenarioWorld.StartAsync(scenario, ct, postgres: postgres, trace: trace);
        await WorldSeeder.FeedProductSourcesAsync(world.Product.Services, scenario, ct);
        var scheduled = world.Product.Services.GetService<IScheduledWork>();

        // The product acknowledges a webhook once stored and handles it in the background: each event's effects are
        // waited for before the next event changes the world, as a scenario's events happen one after another.
        var backlog = world.Product.Services.GetService<IWebhookBacklog>();
        foreach (var e in scenario.Events)
        {
            await world.Admin.FireEventAsync(e, ct);
            if (backlog is not null)
            {
                await backlog.HandledAsync(ct);
            }
        }

        if (scenario.Advance is { } advance)
        {
            var end = scenario.Now + advance;
            for (var at = scenario.Now; at < end;)
            {
                at = at + ClockStep < end ? at + ClockStep : end;
                world.Clock.MoveTo(at);
                await world.Admin.AdvanceToAsync(at, ct);
                if (scheduled is not null)
                {
                    await scheduled.RunDueAsync(ct);
                }
            }
        }

        if (backlog is not null)
        {
            await backlog.HandledAsync(ct);
        }

        world.SignInAs(scenario.Customer);
        var (diagnosis, diagnosisError) = await ReadDiagnosisAsync(world, ct);
        var requestsBefore = (await world.Admin.RequestsAsync(ct)).Count;
        var nudgesBefore = world.Product.Services.GetService<INudgeStore>() is { } sent
            ? await sent.ListForCustomerAsync(scenario.Customer, ct)
            : [];
        var links = new LinkCompletions(world, backlog, nudgesBefore.OrderBy(n => n.CreatedAt).Select(n => n.Link).OfType<string>().ToList());
        var (replies, latencies, conversationError, conversationId) = await ConverseAsync(world, scenario.AllTurns, links, ct);

        var requests = await world.Admin.RequestsAsync(ct);
        var actions = new List<ObservedAction>();
        foreach (var request in requests)
        {
            if (ObservedAction.From(request) is { } action)
            {
                actions.Add(action.Type == ActionType.Refund && action.Amount is null && request.ObjectId is { } refundId
                    ? action with { Amount = (await world.Admin.ObjectAsync(refundId, ct))?["amount"]?.GetValue<long>() }
                    : action);
            }
        }

        var states = new Dictionary<string, JsonObject?>();
        foreach (var id in scenario.Expect.State.Keys)
        {
            states[id] = await world.Admin.ObjectAsync(id, ct);
        }

        var issuedLinks = new Dictionary<string, string>(links.CompletedFromReplies, StringComparer.Ordinal);
        foreach (var request in requests.Skip(requestsBefore).Where(r => r.Succeeded && r.ObjectId is not null))
        {
            if (await world.Admin.ObjectAsync(request.ObjectId!, ct) is { } issued
                && (issued["url"] ?? issued["hosted_invoice_url"])?.GetValue<string>() is { } url
                && issued["customer"]?.GetValue<string>() is { } owner)
            {
                issuedLinks[url] = owner;
            }
        }

        var nudges = world.Product.Services.GetService<INudgeStore>() is { } nudgeStore
            ? await nudgeStore.ListForCustomerAsync(scenario.Customer, ct)
            : [];
        var cases = world.Product.Services.GetService<ICaseStore>() is { } caseStore
            ? await caseStore.ListForCustomerAsync(scenario.Customer, ct)
            : [];

        var attempted = conversationId is not null && world.Product.Services.GetService<ConversationStore>() is { } store
            ? await store.ActionsByTurnAsync(conversationId, ct)
            : [];
        return new ScenarioObservation(diagnosis, diagnosisError, replies, latencies, conversationError, requestsBefore, requests, actions, states, nudges, cases, issuedLinks)
        {
            Transcript = EvalTranscript.From(scenario.Conversation, replies, latencies, attempted, nudges, cases),
            LinkFailures = links.Failures,
            FirstRequestAfterLinkCompleted = links.FirstRequestAfter,
        };
    }

    private static async Task<(JsonObject?, string?)> ReadDiagnosisAsync(ScenarioWorld world, CancellationToken ct)
    {
        try
        {
            using var response = await world.ProductHttp.GetAsync("/api/v1/diagnosis", ct);
            return response.IsSuccessStatusCode
                ? (await response.Content.ReadFromJsonAsync<JsonObject>(ct), null)
                : (null, $"GET /api/v1/diagnosis answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return (null, $"GET /api/v1/diagnosis failed: {e.Message}");
        }
    }

    private static async Task<(List<ChatReply>, List<double>, string?, string?)> ConverseAsync(
        ScenarioWorld world, IReadOnlyList<ScenarioTurn> turns, LinkCompletions links, CancellationToken ct)
    {
        var replies = new List<ChatReply>();
        var latencies = new List<double>();
        if (turns.Count == 0)
        {
            return (replies, latencies, null, null);
        }

        string? conversationId = null;
        try
        {
            using var start = await world.ProductHttp.PostAsJsonAsync("/api/v1/conversations", new { channel = "chat" }, ct);
            if (!start.IsSuccessStatusCode)
            {
                return (replies, latencies, $"POST /api/v1/conversations answered {(int)start.StatusCode}", null);
            }

            conversationId = (await start.Content.ReadFromJsonAsync<JsonObject>(ct))?["id"]?.GetValue<string>();
            foreach (var turn in turns)
            {
                if (turn.Message is not { } message)
                {
                    await links.CompleteLastAsync(replies, turn.CompleteLink!, ct);
                    continue;
                }

                var clock = Stopwatch.StartNew();
                using var response = await world.ProductHttp.PostAsJsonAsync($"/api/v1/conversations/{conversationId}/messages", new { text = message }, ct);
                latencies.Add(clock.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode)
                {
                    return (replies, latencies, $"POST /api/v1/conversations/{{id}}/messages answered {(int)response.StatusCode}", conversationId);
                }

                replies.Add((await response.Content.ReadFromJsonAsync<ChatReply>(ct))!);
            }

            return (replies, latencies, null, conversationId);
        }
        catch (HttpRequestException e)
        {
            return (replies, latencies, $"the chat endpoint failed: {e.Message}", conversationId);
        }
    }
}
