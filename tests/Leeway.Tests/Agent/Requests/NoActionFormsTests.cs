using System.Net.Http.Json;
using System.Text.Json;
using Leeway.Agent.Requests;
using Leeway.Eval;

namespace Leeway.Tests.Agent.Requests;

/// <summary>
/// The generated suite: negated, withdrawn, hypothetical and question forms of action sentences, in six languages,
/// take no gated action. The reader must find no request in any; through the real host, the real understanding, the
/// real gate and Stripe.net against the sandbox, in a world where every action would be allowed, none is taken.
/// </summary>
public sealed class NoActionFormsTests
{
    private static readonly string[] GatedPaths = ["/v1/refunds", "/pay", "/v1/subscriptions", "/v1/customers/cus_na/balance_transactions"];

    [Fact]
    public void No_generated_form_reads_as_a_request()
    {
        var forms = NoActionForms.FromFrames().Concat(NoActionForms.WithdrawnCorpusSentences()).ToList();
        Assert.True(forms.Count > 1000, $"{forms.Count} forms");
        foreach (var language in new[] { "en", "es", "de", "fr", "pt", "it" })
        {
            Assert.Contains(forms, f => f.Language == language && f.Kind == "withdrawn");
            Assert.Contains(forms, f => f.Language == language && f.Kind.StartsWith("hypothetical", StringComparison.Ordinal));
        }

        var acting = forms.Where(f => RequestActReader.Read(f.Text, f.Language).Requests().Any()).Select(f => $"[{f.Language} {f.Kind}] {f.Text}").ToList();
        Assert.True(acting.Count == 0, $"{acting.Count} of {forms.Count} generated no-action forms read as requests:\n{string.Join("\n", acting.Take(40))}");
    }

    [Fact]
    public async Task Through_the_host_no_generated_form_moves_money_or_cancels()
    {
        var forms = NoActionForms.FromFrames().ToList();
        // Every fourth withdrawn corpus sentence as well: the whole set is read above; here each costs a real turn.
        forms.AddRange(NoActionForms.WithdrawnCorpusSentences().Where((_, i) => i % 4 == 0));
        // Hundreds of turns from one customer in seconds: far past the chat rate limit a person would meet.
        var unlimitedChat = new Dictionary<string, string?> { ["RateLimits:ChatPermits"] = "100000" };
        await using var world = await ScenarioWorld.StartAsync(ScenarioLoader.Parse(NoActionWorld.Json, "no-action.json"), CancellationToken.None, overrides: unlimitedChat);
        world.SignInAs(NoActionWorld.Customer);
        var before = (await world.Admin.RequestsAsync(CancellationToken.None)).Count;

        var acted = new List<string>();
        foreach (var form in forms)
        {
            var started = await world.ProductHttp.PostAsJsonAsync("/api/v1/conversations", new { channel = "chat" });
            started.EnsureSuccessStatusCode();
            var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
            var sent = await world.ProductHttp.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = form.Text });
            sent.EnsureSuccessStatusCode();

            var requests = await world.Admin.RequestsAsync(CancellationToken.None);
            var gated = requests.Skip(before).Where(r => r.Method is "POST" or "DELETE" && GatedPaths.Any(p => r.Path.Contains(p, StringComparison.Ordinal))).ToList();
            if (gated.Count > 0)
            {
                acted.Add($"[{form.Language} {form.Kind}] {form.Text} -> {string.Join(", ", gated.Select(r => r.Path))}");
            }

            before = requests.Count;
        }

        Assert.True(acted.Count == 0, $"{acted.Count} of {forms.Count} no-action messages acted:\n{string.Join("\n", acted.Take(40))}");
    }
}
