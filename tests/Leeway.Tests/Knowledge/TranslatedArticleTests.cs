using System.Net;
using Leeway.Diagnostics;
using Leeway.Knowledge;
using Leeway.Storage;
using Leeway.Tests.Humans;

namespace Leeway.Tests.Knowledge;

/// <summary>
/// Articles in the reader's language: a question in Spanish finds the Spanish text, an article without a translation
/// (or whose English text staff improved since) is read in English, and the page shows the language it holds.
/// </summary>
public sealed class TranslatedArticleTests
{
    [Theory]
    [InlineData("es", "¿por qué me rechazaron la tarjeta por fondos insuficientes?", "fondos insuficientes")]
    [InlineData("de", "Warum wurde meine Karte wegen fehlender Deckung abgelehnt?", "Deckung")]
    [InlineData("fr", "pourquoi ma carte a été refusée pour provision insuffisante", "provision insuffisante")]
    [InlineData("pt", "por que o cartão foi recusado por saldo insuficiente", "saldo insuficiente")]
    [InlineData("it", "perché la carta è stata rifiutata per fondi insufficienti", "fondi insufficienti")]
    public async Task A_question_in_a_language_finds_the_article_in_that_language(string language, string question, string wordsOfTheAnswer)
    {
        await using var world = await KnowledgeWorld.StartAsync();

        var hits = await world.Knowledge.SearchAsync(question, null, 3, language, CancellationToken.None);

        var top = hits[0].Article;
        Assert.Equal("kb_insufficient_funds", top.Id);
        Assert.Equal(language, top.Language);
        Assert.Contains(wordsOfTheAnswer, top.Title + " " + top.Body, StringComparison.OrdinalIgnoreCase);
        Assert.All(hits, h => Assert.Equal(language, h.Article.Language));
    }

    [Fact]
    public async Task A_question_typed_without_accents_still_finds_the_translation()
    {
        await using var world = await KnowledgeWorld.StartAsync();

        var hits = await world.Knowledge.SearchAsync("cuanto tarda la devolucion del reembolso", null, 3, "es", CancellationToken.None);

        Assert.Contains(hits.Take(2), h => h.Article.Id is "kb_refunds" or "kb_refund_in_progress" && h.Article.Language == "es");
    }

    [Fact]
    public async Task An_article_without_a_translation_is_found_and_read_in_English()
    {
        await using var world = await KnowledgeWorld.StartAsync();
        var created = await world.Knowledge.UpsertAsync(
            null, "Paying by wire transfer from abroad", "Wire transfers from abroad take longer: your bank converts the currency first.", [WireName.Of(RootCause.PaymentDue)], "human:stf_1", CancellationToken.None);

        var hits = await world.Knowledge.SearchAsync("wire transfer abroad", null, 3, "es", CancellationToken.None);
        var read = await world.Knowledge.GetAsync(created.Id, "es", CancellationToken.None);

        var hit = Assert.Single(hits, h => h.Article.Id == created.Id);
        Assert.Equal("en", hit.Article.Language);
        Assert.Equal(created.Body, hit.Article.Body);
        Assert.Equal(("en", created.Body), (read!.Language, read.Body));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_staff_improvement_of_the_English_text_reaches_every_language_until_it_is_translated_again(string kind)
    {
        await using var world = await KnowledgeWorld.StartAsync(kind);
        var spanish = await world.Knowledge.GetAsync("kb_refunds", "es", CancellationToken.None);
        Assert.Equal("es", spanish!.Language);
        var english = (await world.Knowledge.GetAsync("kb_refunds", CancellationToken.None))!;

        await world.Knowledge.UpsertAsync("kb_refunds", english.Title, english.Body + "\n\nRefunds to a closed card come back to you by bank transfer.", english.RootCauses, "human:stf_1", CancellationToken.None);

        // The Spanish text says less than the English one now: a Spanish reader gets the English, before and after a restart.
        Assert.Equal("en", (await world.Knowledge.GetAsync("kb_refunds", "es", CancellationToken.None))!.Language);
        Assert.Equal("en", (await world.Knowledge.SearchAsync("reembolso", RootCause.RefundInProgress, 5, "es", CancellationToken.None)).Single(h => h.Article.Id == "kb_refunds").Article.Language);
        await using (var restarted = await world.RestartAsync())
        {
            Assert.Equal("en", (await restarted.Knowledge.SearchAsync("reembolso", RootCause.RefundInProgress, 5, "es", CancellationToken.None)).Single(h => h.Article.Id == "kb_refunds").Article.Language);
            Assert.Equal("en", (await restarted.Knowledge.GetAsync("kb_refunds", "de", CancellationToken.None))!.Language);
        }

        var retranslated = await world.Knowledge.TranslateAsync("kb_refunds", "es", spanish.Title, spanish.Body + "\n\nLos reembolsos a una tarjeta cerrada te llegan por transferencia bancaria.", "human:stf_2", CancellationToken.None);

        Assert.Equal(("es", 2), (retranslated.Language, retranslated.Version));
        Assert.Contains("tarjeta cerrada", (await world.Knowledge.GetAsync("kb_refunds", "es", CancellationToken.None))!.Body, StringComparison.Ordinal);
        var versions = await world.Knowledge.VersionsAsync("kb_refunds", "es", CancellationToken.None);
        Assert.Equal(new[] { (1, 1, "seed"), (2, 2, "human:stf_2") }, versions.Select(v => (v.Version, v.SourceVersion ?? 0, v.Author)).ToArray());
        Assert.All(versions, v => Assert.Equal("es", v.Language));
    }

    [Fact]
    public async Task Seeding_again_writes_no_translation_twice_and_skips_articles_staff_improved()
    {
        await using var world = await KnowledgeWorld.StartAsync();
        var english = (await world.Knowledge.GetAsync("kb_card_expired", CancellationToken.None))!;
        await world.Knowledge.UpsertAsync("kb_card_expired", english.Title, english.Body + "\n\nStaff note.", english.RootCauses, "human:stf_1", CancellationToken.None);

        var written = await world.Knowledge.SeedAsync(SeedArticle.LoadEmbedded(), CancellationToken.None);

        Assert.Equal(0, written);
        Assert.Equal(new[] { 1 }, (await world.Knowledge.VersionsAsync("kb_card_expired", "fr", CancellationToken.None)).Select(v => v.Version).ToArray());
        Assert.Equal("en", (await world.Knowledge.GetAsync("kb_card_expired", "fr", CancellationToken.None))!.Language);
    }

    [Fact]
    public async Task The_help_page_shows_the_language_asked_for_and_English_for_anything_else()
    {
        await using var host = await LeewayTestHost.StartAsync();
        using var anonymous = host.Anonymous();

        var german = await anonymous.GetStringAsync(KnowledgePages.PathOf("kb_card_expired", "de"));
        var english = await anonymous.GetStringAsync(KnowledgePages.PathOf("kb_card_expired"));
        var unknown = await anonymous.GetStringAsync(KnowledgePages.PathOf("kb_card_expired") + "?lang=xx");
        var missing = await anonymous.GetAsync(KnowledgePages.PathOf("kb_nope", "de"));

        Assert.Contains("<html lang=\"de\">", german, StringComparison.Ordinal);
        Assert.Contains("Karte", german, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", english, StringComparison.Ordinal);
        Assert.Equal(english, unknown);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("/help/articles/kb_card_expired?lang=de", KnowledgePages.PathOf("kb_card_expired", "de"));
    }
}
