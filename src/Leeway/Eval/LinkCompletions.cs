using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Leeway.Agent;
using Leeway.Prevent;
using Leeway.Prevent.Webhooks;

namespace Leeway.Eval;

/// <summary>
/// The customer acting on a link (scenario format v1.1, <c>complete_link</c>): the most recent link handed to them (in
/// Lee's replies so far, else a Tier 0 nudge) is completed on the sandbox's hosted page (<c>/_sandbox/links/complete</c>,
/// which behaves as Stripe's page does and sends Stripe's webhooks), then the product handles what the webhooks set off
/// before the next turn.
/// </summary>
internal sealed class LinkCompletions(ScenarioWorld world, IWebhookBacklog? backlog, IReadOnlyList<string> nudgeLinks)
{
    private readonly List<string> _failures = [];

    public IReadOnlyList<string> Failures => _failures;

    public int? FirstRequestAfter { get; private set; }

    /// <summary>Links from Lee's replies that the customer completed, with the customer they were issued for. A completed
    /// Checkout Session no longer shows its <c>url</c> (Stripe clears it), so the record of what was handed keeps it.</summary>
    public Dictionary<string, string> CompletedFromReplies { get; } = new(StringComparer.Ordinal);

    public async Task CompleteLastAsync(IReadOnlyList<ChatReply> replies, JsonObject completeLink, CancellationToken ct)
    {
        var fromReplies = replies.SelectMany(r => r.Links.Select(l => l.Url)).LastOrDefault();
        var url = fromReplies ?? (nudgeLinks.Count > 0 ? nudgeLinks[^1] : null);
        if (url is null)
        {
            _failures.Add("complete_link: no link to complete");
            return;
        }

        FirstRequestAfter ??= (await world.Admin.RequestsAsync(ct)).Count;
        var body = new JsonObject { ["url"] = url };
        if (completeLink["payment_method"] is JsonObject card)
        {
            body["payment_method"] = card.DeepClone();
        }

        using var response = await world.SandboxHttp.PostAsJsonAsync("/_sandbox/links/complete", body, ct);
        if (!response.IsSuccessStatusCode)
        {
            var answer = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
            _failures.Add($"complete_link: the page at {url} refused ({(int)response.StatusCode}: {answer?["error"]?.GetValue<string>()})");
            return;
        }

        var done = await response.Content.ReadFromJsonAsync<JsonObject>(ct);
        if (fromReplies is not null && done?["state"]?["customer"] is JsonValue owner && owner.TryGetValue<string>(out var customer))
        {
            CompletedFromReplies[url] = customer;
        }

        // The page's webhooks, then whatever the product's handlers set off (a payment's own webhooks), are handled
        // before the customer's next message, as a customer returning to the chat would find them.
        for (var round = 0; round < 3 && backlog is not null; round++)
        {
            await world.Admin.DrainWebhooksAsync(ct);
            await backlog.HandledAsync(ct);
        }
    }
}
