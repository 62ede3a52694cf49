using Leeway.Agent.Understanding;
using Leeway.Observability.Backlog;

namespace Leeway.Tests.Agent.Understanding;

/// <summary>
/// The batch path (bulk ranking of a backlog) must give every text exactly what the per-utterance path (the chat,
/// <c>leeway classify</c>) gives it: same intents, same confidences.
/// </summary>
public sealed class BatchClassificationTests
{
    private const double Tolerance = 1e-5;
    private static readonly IntentModel Model = SharedIntentModel.Instance;
    private static readonly Understander Shipped = new(Model);

    /// <summary>Corpus and challenge utterances, whole synthetic cases, the rules' cases, and edge cases.</summary>
    private static List<string> VariedTexts()
    {
        var corpus = IntentCorpus.Embedded();
        using var stream = new MemoryStream();
        SyntheticBacklog.Write(stream, 400, seed: 3);
        stream.Position = 0;
        using var reader = CaseCsvReader.Open(stream, "cases.csv");
        return
        [
            .. corpus.Challenge.Select(e => e.Text),
            .. corpus.HeldOut.Where((_, i) => i % 4 == 0).Select(e => e.Text),
            .. reader.Cases().Select(c => c.Text),
            .. DevScenarioMessages.All,
            "", "   ", "\n\t", "?!", "...", "🙂", "ok", "no", "a",
            "Can I talk to a real person please?",
            "I filed a chargeback with my bank for the $49.00 charge.",
            "If you don't refund me I'll do a chargeback",
            "Je voudrais parler à quelqu'un, mon paiement a été refusé",
            "Mi tarjeta fue rechazada, ¿pueden cobrar de nuevo?",
            "Ich möchte mein Abo kündigen. Rückbuchung!",
            "REFUND ch_3MxAbCdEfGhIjK NOW!!! invoice in_1NaBc for €1.234,50 to lea@example.com, card 4242",
            string.Concat(Enumerable.Repeat("my card was declined and I want a refund. ", 60)),
        ];
    }

    [Fact]
    public void Batch_scores_equal_per_text_scores_for_every_intent()
    {
        var texts = VariedTexts();

        var batch = Model.ScoreBatch(texts);

        Assert.Equal(texts.Count, batch.Length);
        for (var i = 0; i < texts.Count; i++)
        {
            var single = Model.Score(texts[i]).ToDictionary(s => s.Intent, s => s.Probability);
            Assert.Equal(single.Count, batch[i].Count);
            foreach (var score in batch[i])
            {
                Assert.True(Math.Abs(single[score.Intent] - score.Probability) <= Tolerance, $"text {i} ({texts[i]}): {score.Intent} {score.Probability} vs {single[score.Intent]}");
            }
        }
    }

    [Fact]
    public void ClassifyIntents_gives_each_text_the_intent_and_confidences_Understand_gives()
    {
        var texts = VariedTexts();

        var verdicts = Shipped.ClassifyIntents(texts);

        Assert.Equal(texts.Count, verdicts.Length);
        var ruled = 0;
        for (var i = 0; i < texts.Count; i++)
        {
            var understood = Shipped.Understand(texts[i]);
            var verdict = verdicts[i];
            var context = $"text {i} ({texts[i]})";
            Assert.True(understood.Intent == verdict.Intent, $"{context}: {verdict.Intent} vs {understood.Intent}");
            Assert.True(understood.SecondIntent == verdict.SecondIntent, $"{context}: runner-up {verdict.SecondIntent} vs {understood.SecondIntent}");
            Assert.True(Math.Abs(understood.Confidence - verdict.Confidence) <= Tolerance, $"{context}: {verdict.Confidence} vs {understood.Confidence}");
            Assert.True(Math.Abs(understood.SecondConfidence - verdict.SecondConfidence) <= Tolerance, $"{context}: {verdict.SecondConfidence} vs {understood.SecondConfidence}");
            ruled += verdict.Confidence == 1.0 ? 1 : 0;
        }

        // The set exercises the rules (a person, a dispute, an empty text), not just the model.
        Assert.True(ruled >= 5, $"{ruled} texts decided by a rule");
        Assert.True(verdicts.Select(v => v.Intent).Distinct().Count() >= 12);
    }

    [Fact]
    public void Batches_from_many_threads_match_one_thread()
    {
        var texts = VariedTexts();
        var expected = Shipped.ClassifyIntents(texts);

        var parts = texts.Chunk(97).ToList();
        var results = new IntentVerdict[parts.Count][];
        Parallel.For(0, parts.Count, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = Shipped.ClassifyIntents(parts[i]));

        Assert.Equal(expected, results.SelectMany(r => r));
    }

    [Fact]
    public void The_product_classifies_in_bulk_with_the_ngram_model_alone()
    {
        var texts = VariedTexts().Take(120).ToList();

        var verdicts = SharedIntentModel.ProductUnderstander().ClassifyIntents(texts);

        Assert.Equal(Shipped.ClassifyIntents(texts), verdicts);
    }

    [Fact]
    public void The_encoder_model_scores_a_batch_as_it_scores_each_text()
    {
        var texts = VariedTexts().Where((_, i) => i % 10 == 0).ToList();
        var encoder = SharedIntentModel.WithEncoder;

        var batch = encoder.ScoreBatch(texts);

        for (var i = 0; i < texts.Count; i++)
        {
            var single = encoder.Score(texts[i]).ToDictionary(s => s.Intent, s => s.Probability);
            foreach (var score in batch[i])
            {
                Assert.True(Math.Abs(single[score.Intent] - score.Probability) <= 1e-4, $"text {i} ({texts[i]}): {score.Intent} {score.Probability} vs {single[score.Intent]}");
            }
        }
    }

    [Fact]
    public void An_empty_batch_gives_no_verdicts()
    {
        Assert.Empty(Shipped.ClassifyIntents([]));
        Assert.Empty(Model.ScoreBatch([]));
    }
}
