using Leeway.Agent.Understanding;

namespace Leeway.Tests.Agent.Understanding;

public sealed class IntentModelTests
{
    private static readonly IntentCorpus Corpus = IntentCorpus.Embedded();
    private static readonly Understander Shipped = SharedIntentModel.ProductUnderstander();
    private static readonly Understander NgramOnly = new(SharedIntentModel.Instance);

    [Fact]
    public void Corpus_has_at_least_250_utterances_per_intent_and_4000_in_all()
    {
        Assert.True(Corpus.Examples.Count >= 4000, $"{Corpus.Examples.Count} utterances");
        foreach (var intent in Intent.All)
        {
            var count = Corpus.Examples.Count(e => e.Intent == intent);
            Assert.True(count >= 250, $"{intent}: {count} utterances");
        }
    }

    [Fact]
    public void Corpus_utterances_are_distinct_and_varied()
    {
        Assert.Equal(Corpus.Examples.Count, Corpus.Examples.Select(e => e.Text.ToLowerInvariant()).Distinct().Count());

        // Not one sentence with its slots swapped: most utterances of an intent start differently.
        foreach (var intent in Intent.All)
        {
            var texts = Corpus.Examples.Where(e => e.Intent == intent).Select(e => e.Text.ToLowerInvariant()).ToList();
            var openings = texts.Select(t => string.Join(' ', t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))).Distinct().Count();
            Assert.True(openings >= texts.Count / 3, $"{intent}: only {openings} distinct openings in {texts.Count}");
        }
    }

    [Fact]
    public void Held_out_split_is_a_fixed_fifth_disjoint_from_training()
    {
        var heldOut = Corpus.HeldOut.ToList();
        var training = Corpus.Training.ToList();
        Assert.Equal(Corpus.Examples.Count, heldOut.Count + training.Count);
        Assert.InRange(heldOut.Count / (double)Corpus.Examples.Count, 0.15, 0.25);
        Assert.Empty(heldOut.Select(e => e.Text).Intersect(training.Select(e => e.Text)));
        Assert.All(heldOut, e => Assert.True(IntentCorpus.IsHeldOut(e.Text)));
    }

    [Fact]
    public void Shipped_model_scores_at_least_90_percent_on_the_held_out_split()
    {
        var result = IntentEvaluation.Run(Shipped, Corpus.HeldOut);
        Assert.True(result.Accuracy >= 0.90, Describe("held-out", result));
    }

    [Fact]
    public void Shipped_model_scores_at_least_85_percent_on_the_hand_written_challenge_set()
    {
        Assert.True(Corpus.Challenge.Count >= 150, $"{Corpus.Challenge.Count} challenge utterances");
        var result = IntentEvaluation.Run(Shipped, Corpus.Challenge);
        Assert.True(result.Accuracy >= 0.85, Describe("challenge", result));
    }

    [Fact]
    public void Out_of_scope_is_recognised_in_at_least_80_percent_of_the_challenge_lines_that_are_not_about_billing()
    {
        var result = IntentEvaluation.Run(Shipped, Corpus.Challenge);
        var outOfScope = Corpus.Challenge.Count(e => e.Intent == Intent.Other);
        Assert.True(outOfScope >= 50, $"{outOfScope} out-of-scope challenge lines");
        Assert.True(result.RecallOf(Intent.Other) >= 0.80, $"out-of-scope recall {result.RecallOf(Intent.Other):0.000}; " + Describe("challenge", result));
    }

    [Fact]
    public void The_challenge_set_covers_all_six_languages_and_each_scores_at_least_70_percent()
    {
        var result = IntentEvaluation.Run(Shipped, Corpus.Challenge);
        var byLanguage = result.ByLanguage().ToDictionary(l => l.Language);
        foreach (var language in LanguageGuesser.Supported)
        {
            Assert.True(byLanguage.TryGetValue(language, out var scored) && scored.Total >= 10, $"{language}: too few challenge lines");
            Assert.True(scored.Accuracy >= 0.70, $"{language}: challenge accuracy {scored.Accuracy:0.000} over {scored.Total}");
        }
    }

    [Fact]
    public void The_ngram_model_alone_which_ranks_backlogs_still_scores_at_least_85_percent_on_the_challenge_set()
    {
        var result = IntentEvaluation.Run(NgramOnly, Corpus.Challenge);
        Assert.True(result.Accuracy >= 0.85, Describe("challenge (n-grams only)", result));
    }

    [Theory]
    [InlineData(SharedIntentModel.ModelMetadataResource)]
    [InlineData(SharedIntentModel.EncoderModelMetadataResource)]
    public void Shipped_models_were_trained_on_the_corpus_in_the_build(string metadata)
    {
        var trainedOn = IntentCorpus.ReadResource(metadata).Split('\n')
            .Select(line => line.Split('\t')).Single(kv => kv[0] == "corpus_sha256")[1].Trim();
        Assert.True(trainedOn == Corpus.Fingerprint,
            $"Corpus/intents.tsv changed since {metadata} was trained: run `./leeway train` from the repository root and commit both models.");
    }

    [Fact]
    public void The_product_reads_each_message_with_the_sentence_encoder()
    {
        Assert.True(SharedIntentModel.WithEncoder.UsesEncoder);
        Assert.False(SharedIntentModel.Instance.UsesEncoder);
    }

    [Fact]
    public void Retraining_on_the_corpus_reproduces_the_shipped_ngram_model()
    {
        var retrained = new Understander(IntentModelTrainer.Train(Corpus.Training));
        var heldOut = Corpus.HeldOut.ToList();

        var shippedAccuracy = IntentEvaluation.Run(NgramOnly, heldOut).Accuracy;
        var retrainedAccuracy = IntentEvaluation.Run(retrained, heldOut).Accuracy;
        Assert.InRange(retrainedAccuracy, shippedAccuracy - 0.01, shippedAccuracy + 0.01);

        var agreeing = heldOut.Count(e => retrained.Understand(e.Text).Intent == NgramOnly.Understand(e.Text).Intent);
        Assert.True(agreeing >= 0.99 * heldOut.Count, $"retrained and shipped models agree on {agreeing} of {heldOut.Count}");
    }

    [Fact]
    public void Corpus_holds_none_of_the_dev_scenarios_sentences()
    {
        var training = Corpus.Examples.Select(e => e.Text.Trim().ToLowerInvariant()).ToHashSet();
        foreach (var sentence in DevScenarioMessages.All)
        {
            Assert.DoesNotContain(sentence.Trim().ToLowerInvariant(), training);
        }
    }

    [Fact]
    public void Confidence_is_a_probability_and_the_runner_up_is_another_intent()
    {
        foreach (var example in Corpus.Challenge.Take(40))
        {
            var understood = Shipped.Understand(example.Text);
            Assert.Contains(understood.Intent, Intent.All);
            Assert.InRange(understood.Confidence, 0, 1);
            Assert.InRange(understood.SecondConfidence, 0, understood.Confidence);
            Assert.NotEqual(understood.Intent, understood.SecondIntent);
        }
    }

    [Fact]
    public void Each_model_scores_every_intent_and_the_probabilities_sum_to_one()
    {
        foreach (var model in new[] { SharedIntentModel.Instance, SharedIntentModel.WithEncoder })
        {
            var scores = model.Score("my card was declined");
            Assert.Equal(Intent.All.Order(StringComparer.Ordinal), scores.Select(s => s.Intent).Order(StringComparer.Ordinal));
            Assert.InRange(scores.Sum(s => s.Probability), 0.999, 1.001);
        }
    }

    [Fact]
    public void Understanding_from_many_threads_matches_understanding_from_one()
    {
        var texts = Corpus.HeldOut.Take(120).Select(e => e.Text).ToList();
        var sequential = texts.Select(t => Shipped.Understand(t).Intent).ToList();
        var parallel = new string[texts.Count];
        Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => parallel[i] = Shipped.Understand(texts[i]).Intent);
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Empty_message_is_other_with_certainty()
    {
        var understood = Shipped.Understand("   ");
        Assert.Equal(Intent.Other, understood.Intent);
        Assert.Equal(1.0, understood.Confidence);
    }

    private static string Describe(string set, IntentEvaluation result) =>
        $"{set} accuracy {result.Accuracy:0.000} ({result.Correct}/{result.Total}); misses: "
        + string.Join(" | ", result.Misses.Take(15).Select(m => $"{m.Expected}->{m.Predicted}: {m.Text}"));
}
