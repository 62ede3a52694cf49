using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Leeway.Eval;

/// <summary>The sandbox's admin API (<c>/_sandbox</c>), over HTTP: how eval seeds a world, fires events, moves the clock and reads the record.</summary>
internal sealed class SandboxAdmin(HttpClient http)
{
    public Task SeedAsync(DateTimeOffset now, JsonObject world, CancellationToken ct) =>
        PostAsync("/_sandbox/world", new JsonObject { ["now"] = now.ToString("O"), ["world"] = world.DeepClone() }, ct);

    public Task InjectFaultsAsync(IEnumerable<ScenarioFault> faults, CancellationToken ct) =>
        PostAsync("/_sandbox/faults", new JsonObject
        {
            ["faults"] = new JsonArray(faults.Select(f => (JsonNode)new JsonObject { ["source"] = f.Source, ["mode"] = f.Mode }).ToArray()),
        }, ct);

    public Task AddWebhookEndpointAsync(string url, string secret, CancellationToken ct) =>
        PostAsync("/_sandbox/webhook_endpoints", new JsonObject { ["url"] = url, ["secret"] = secret }, ct);

    public Task FireEventAsync(ScenarioEvent e, CancellationToken ct) =>
        PostAsync("/_sandbox/events", new JsonObject { ["type"] = e.Type, ["object"] = e.ObjectId }, ct);

    public Task AdvanceToAsync(DateTimeOffset to, CancellationToken ct) =>
        PostAsync("/_sandbox/clock/advance", new JsonObject { ["to"] = to.ToString("O") }, ct);

    /// <summary>Returns once every webhook the sandbox queued so far has had its first delivery attempt.</summary>
    public Task DrainWebhooksAsync(CancellationToken ct) => PostAsync("/_sandbox/webhooks/drain", new JsonObject(), ct);

    public async Task<IReadOnlyList<SandboxRequest>> RequestsAsync(CancellationToken ct)
    {
        var body = await http.GetFromJsonAsync<JsonObject>("/_sandbox/requests", ct) ?? [];
        return (body["data"] as JsonArray ?? []).OfType<JsonObject>().Select((o, i) => SandboxRequest.From(o, i)).ToList();
    }

    public async Task<JsonObject?> ObjectAsync(string id, CancellationToken ct)
    {
        using var response = await http.GetAsync($"/_sandbox/objects/{Uri.EscapeDataString(id)}", ct);
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>(ct) : null;
    }

    private async Task PostAsync(string path, JsonObject body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"sandbox {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        }
    }
}

/// <summary>One entry of the sandbox's own record of mutating requests.</summary>
internal sealed record SandboxRequest(int Sequence, string Method, string Path, IReadOnlyDictionary<string, string> Params, int Status, string? ObjectId, bool Replayed)
{
    public static SandboxRequest From(JsonObject o, int sequence) => new(
        sequence,
        o["method"]?.GetValue<string>() ?? "",
        o["path"]?.GetValue<string>() ?? "",
        (o["params"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value is JsonValue v ? v.ToString() : p.Value?.ToJsonString() ?? ""),
        o["status"]?.GetValue<int>() ?? 0,
        o["object_id"]?.GetValue<string>(),
        o["replayed"]?.GetValue<bool>() ?? false);

    public bool Succeeded => Status is >= 200 and < 300 && !Replayed;

    /// <summary>An attempt that reached the card network or changed state (a decline counts: the charge was tried).</summary>
    public bool Attempted => (Status is >= 200 and < 300 || Status == 402) && !Replayed;
}
