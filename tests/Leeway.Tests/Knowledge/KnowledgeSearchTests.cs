using Leeway.Diagnostics;
using Leeway.Knowledge;
using Leeway.Storage;

namespace Leeway.Tests.Knowledge;

public sealed class KnowledgeSearchTests
{
    [Theory]
    [InlineData("why did my card get declined for insufficient funds", "kb_insufficient_funds")]
    [InlineData("how long does a refund take", "kb_refunds")]
    [InlineData("I was charged twice", "kb_duplicate_charge")]
    [InlineData("my payment link expired", "kb_payment_link_expired")]
    [InlineData("when am I charged? what is my renewal date", "kb_billing_cycle")]
    [InlineData("how do I update my credit card", "kb_update_card")]
    [InlineData("what is a chargeback", "kb_disputes_chargebacks")]
    [InlineData("my bill for API usage is way higher than last month", "kb_usage_spike")]
    [InlineData("how do I cancel my subscription", "kb_cancel_subscription")]
    [InlineData("what is 3D secure", "kb_three_d_secure")]
    [InlineData("where can I download my invoices and receipts", "kb_invoices_receipts")]
    [InlineData("I paid for the upgrade but the feature is still not active", "kb_feature_not_active")]
    [InlineData("my card expired", "kb_card_expired")]
    [InlineData("I bought an add-on", "kb_add_ons")]
    public async Task A_plain_question_finds_its_article_in_the_top_three(string question, string expected)
    {
        await using var world = await KnowledgeWorld.StartAsync();

        var top = await world.TopIdsAsync(question);

        Assert.Contains(expected, top);
    }

    [Theory]
    [InlineData("¿Cuánto tarda en llegar mi reembolso?", "kb_refunds")]
    [InlineData("Me cobraron dos veces el mismo mes", "kb_duplicate_charge")]
    [InlineData("Mi tarjeta fue rechazada por fondos insuficientes", "kb_insufficient_funds")]
    [InlineData("Ma carte a été refusée, provision insuffisante", "kb_insufficient_funds")]
    [InlineData("Combien de temps pour être remboursé ?", "kb_refunds")]
    [InlineData("Le lien de paiement a expiré", "kb_payment_link_expired")]
    [InlineData("Wie lange dauert eine Rückerstattung?", "kb_refunds")]
    [InlineData("Mir wurde zweimal abgebucht", "kb_duplicate_charge")]
    public async Task A_question_in_Spanish_French_or_German_finds_its_article_in_the_top_three(string question, string expected)
    {
        await using var world = await KnowledgeWorld.StartAsync();

        var top = await world.TopIdsAsync(question);

        Assert.Contains(expected, top);
    }

    [Theory]
    [InlineData("title:* OR \"")]
    [InlineData("refund AND NOT")]
    [InlineData("*:*")]
    [InlineData("+-&&||!(){}[]^\"~*?:\\/")]
    [InlineData("body:refund^100 OR id:kb_refunds~2")]
    [InlineData("\"unterminated phrase")]
    [InlineData("")]
    public async Task Lucene_syntax_in_a_question_is_plain_text(string question)
    {
        await using var world = await KnowledgeWorld.StartAsync();

        var hits = await world.Knowledge.SearchAsync(question, null, 5, CancellationToken.None);

        // Never "every document": the words are searched as words, the operators are nothing.
        Assert.True(hits.Count < 5 || hits.All(h => h.Score > 0));
        if (question.Contains("refund", StringComparison.Ordinal))
        {
            Assert.Contains(hits, h => h.Article.Id == "kb_refunds");
        }
        else
        {
            Assert.Empty(hits);
        }
    }

    [Fact]
    public async Task The_diagnosed_root_cause_ranks_its_article_first_when_the_question_is_about_it()
    {
        await using var world = await KnowledgeWorld.StartAsync();
        const string question = "my payment failed, what do I do with my card";

        RootCause[] causes = [RootCause.PaymentFailedCardExpired, RootCause.PaymentFailedInsufficientFunds, RootCause.PaymentFailedCardDeclined, RootCause.PaymentFailedAuthenticationRequired];

        var firsts = new List<string>();
        foreach (var cause in causes)
        {
            var top = Assert.Single(await world.Knowledge.SearchAsync(question, cause, 1, CancellationToken.None));
            Assert.Contains(WireName.Of(cause), top.Article.RootCauses);
            firsts.Add(top.Article.Id);
        }

        // The same words, a different diagnosis, a different answer.
        Assert.True(firsts.Distinct().Count() >= 3, string.Join(", ", firsts));
    }

    [Fact]
    public async Task The_root_cause_does_not_override_a_question_about_something_else()
    {
        await using var world = await KnowledgeWorld.StartAsync();

        var top = await world.TopIdsAsync("how do I cancel my subscription", RootCause.UsageSpike, 1);

        Assert.Equal("kb_cancel_subscription", Assert.Single(top));
    }

    [Fact]
    public async Task A_root_cause_alone_returns_the_articles_tagged_with_it()
    {
        await using var world = await KnowledgeWorld.StartAsync();

        var hits = await world.Knowledge.SearchAsync("", RootCause.DisputeOpen, 5, CancellationToken.None);

        Assert.Equal(["kb_dispute_open", "kb_disputes_chargebacks"], hits.Select(h => h.Article.Id).Order().ToArray());
    }

    [Fact]
    public async Task An_unknown_root_cause_is_refused_by_name()
    {
        await using var world = await KnowledgeWorld.StartAsync();

        // A search takes a RootCause, so only an article's tags (free text from staff) can name an unknown one.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => world.Knowledge.UpsertAsync(null, "Refunds", "About refunds.", ["not_a_cause"], "human:stf_1", CancellationToken.None));

        Assert.Contains("not_a_cause", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_snippet_is_the_sentence_that_answers_the_question()
    {
        var body = "A refund sends money back. Once a refund is issued, it usually reaches your account within 5 to 10 business days. You cannot choose another card.";

        var snippet = ArticleSnippet.For(body, "how many days until my refund reaches my account");

        Assert.Equal("Once a refund is issued, it usually reaches your account within 5 to 10 business days.", snippet);
    }
}
