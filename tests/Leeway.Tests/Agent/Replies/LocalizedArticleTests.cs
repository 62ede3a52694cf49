using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Leeway.Agent;
using Leeway.Agent.Brain;
using Leeway.Agent.Conversations;
using Leeway.Agent.Replies;
using Leeway.Agent.Understanding;
using Leeway.Eval;
using Leeway.Knowledge;
using Leeway.Policy.Rules;

namespace Leeway.Tests.Agent.Replies;

/// <summary>
/// Lee quotes a help article in the customer's language, through the real host: the excerpt is the translated
/// article's own opening, ending on a whole sentence, and the link opens that article in that language.
/// </summary>
public sealed partial class LocalizedArticleTests
{
    private const string World = """
        {
          "id": "localized-article", "title": "A healthy account billed in euros, asking how usage is billed",
          "now": "2026-11-16T12:00:00Z", "customer": "cus_la",
          "world": { "customers": [
            { "id": "cus_la", "email": "lucia@example.com", "name": "Lucía Alves", "plan": "team",
              "payment_methods": [{ "id": "pm_la", "brand": "visa", "last4": "4242", "exp_month": 8, "exp_year": 2030, "default": true, "on_charge": "succeed" }],
              "subscriptions": [{ "id": "sub_la", "status": "active", "currency": "eur", "items": [{ "price": "price_team", "quantity": 1, "unit_amount": 1500 }],
                                  "current_period_start": "2026-11-01T00:00:00Z", "current_period_end": "2026-12-01T00:00:00Z", "cancel_at_period_end": false }],
              "invoices": [
                { "id": "in_la_nov", "subscription": "sub_la", "status": "paid", "amount_due": 1500, "amount_paid": 1500, "currency": "eur", "created": "2026-11-01T00:00:00Z" } ] }
          ] }
        }
        """;

    [Theory]
    [InlineData("es", "¿Por qué mi factura de uso es tan alta este mes?")]
    [InlineData("de", "Wie wird die Nutzung der API gemessen und abgerechnet?")]
    [InlineData("it", "Come viene misurato e fatturato il consumo delle API?")]
    public async Task Lee_quotes_the_article_in_the_customers_language_and_links_to_it(string language, string question)
    {
        await using var world = await ScenarioWorld.StartAsync(ScenarioLoader.Parse(World, "localized-article.json"), CancellationToken.None);
        world.SignInAs("cus_la");
        var started = await world.ProductHttp.PostAsJsonAsync("/api/v1/conversations", new { channel = "chat" });
        started.EnsureSuccessStatusCode();
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var sent = await world.ProductHttp.PostAsJsonAsync($"/api/v1/conversations/{id}/messages", new { text = question });
        sent.EnsureSuccessStatusCode();
        var reply = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reply").GetString()!;

        var link = ArticleLink().Match(reply);
        Assert.True(link.Success, reply);
        Assert.Equal(language, link.Groups["lang"].Value);
        var page = await world.ProductHttp.GetStringAsync(link.Value);
        Assert.Contains($"<html lang=\"{language}\">", page, StringComparison.Ordinal);
        var article = SeedArticle.LoadEmbedded().Single(a => a.Id == link.Groups["id"].Value && a.Language == language);
        var excerpt = LeeSays.Excerpt(article.Body);
        Assert.Contains(excerpt, reply, StringComparison.Ordinal);
        Assert.Matches(@"[.!?]$", excerpt);
        Assert.Contains(article.Title, reply, StringComparison.Ordinal);
        Assert.Equal(language, LanguageGuesser.Guess(reply));
        Assert.Empty(ReplyGuard.RawCodes(reply));
    }

    [Fact]
    public async Task A_reader_of_another_language_gets_an_untranslated_article_as_a_link_said_to_be_in_English()
    {
        var english = new Article("kb_only_english", "Only in English", "This text exists only in English. It is not quoted to others.", [], 1, DateTimeOffset.UnixEpoch);
        var turn = new Turn(
            new Conversation("conv_1", "cus_me", "chat", ConversationState.Open, Turns.Now, 0, null, []),
            1,
            "Où puis-je lire ça ?",
            new Leeway.Agent.Understanding.Understanding(Intent.Other, 0.9, null, 0, new Entities([], [], [], [], []), new Signals(false, false, false, false, false, "fr")),
            null,
            Turns.Billing(),
            [],
            new PolicySettings())
        {
            Language = "fr",
            Says = LeeSays.For("fr"),
        };
        turn.Cite(english);

        var reply = turn.Says.Answer(turn, offerPerson: false);

        Assert.Contains(KnowledgePages.PathOf("kb_only_english"), reply, StringComparison.Ordinal);
        Assert.DoesNotContain("?lang=", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("This text exists only in English", reply, StringComparison.Ordinal);
        Assert.Contains("(en anglais)", reply, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"/help/articles/(?<id>[A-Za-z0-9_-]+)\?lang=(?<lang>[a-z]{2})")]
    private static partial Regex ArticleLink();
}
