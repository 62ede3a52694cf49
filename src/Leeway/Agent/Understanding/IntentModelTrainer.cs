using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace Leeway.Agent.Understanding;

/// <summary>
/// Trains the intent model: word 1–2-grams and character 4-grams (lower case, accents and punctuation dropped,
/// no stop-word removal because "no" and "not" carry meaning) → L2-normalized features → a maximum-entropy
/// classifier whose softmax is the confidence. Single-threaded and seeded, so the same corpus gives the same model.
/// </summary>
internal static class IntentModelTrainer
{
    public const int Seed = 20261108;

    public static IntentModel Train(IEnumerable<IntentExample> examples, IntentTrainer trainer = IntentTrainer.LbfgsMaximumEntropy)
    {
        var ml = new MLContext(Seed);
        var rows = examples.Select(e => new UtteranceRow { Label = e.Intent, Text = UtteranceNormalizer.ForModel(e.Text) }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.FeaturizeText("Features", FeaturizerOptions(), nameof(UtteranceRow.Text)))
            .AppendCacheCheckpoint(ml)
            .Append(Learner(ml, trainer));
        var model = pipeline.Fit(data);
        return new IntentModel(ml, model, data.Schema);
    }

    /// <summary>
    /// The encoder model: the same n-gram features with the <see cref="SentenceEmbedder"/>'s vector of the raw text
    /// appended, one maximum-entropy classifier over both. <paramref name="cache"/> supplies the vectors.
    /// </summary>
    public static IntentModel TrainWithEncoder(IEnumerable<IntentExample> examples, SentenceEmbedder embedder, EmbeddingCache cache,
        IntentTrainer trainer = IntentTrainer.LbfgsMaximumEntropy, Action<int, int>? progress = null)
    {
        var ml = new MLContext(Seed);
        var list = examples.ToList();
        var vectors = cache.Embed(list.Select(e => e.Text).ToList(), progress);
        var rows = list.Select((e, i) => new EncodedUtteranceRow { Label = e.Intent, Text = UtteranceNormalizer.ForModel(e.Text), Embedding = vectors[i] }).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", "Label", keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.FeaturizeText("NgramFeatures", FeaturizerOptions(), nameof(EncodedUtteranceRow.Text)))
            .Append(ml.Transforms.Concatenate("Features", "NgramFeatures", nameof(EncodedUtteranceRow.Embedding)))
            .AppendCacheCheckpoint(ml)
            .Append(Learner(ml, trainer));
        var model = pipeline.Fit(data);
        return new IntentModel(ml, model, data.Schema, embedder);
    }

    private static TextFeaturizingEstimator.Options FeaturizerOptions() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        StopWordsRemoverOptions = null,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    private static IEstimator<ITransformer> Learner(MLContext ml, IntentTrainer trainer) => trainer switch
    {
        IntentTrainer.SdcaMaximumEntropy => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            NumberOfThreads = 1,
            MaximumNumberOfIterations = 40,
            L2Regularization = 1e-4f,
        }),
        IntentTrainer.LbfgsMaximumEntropy => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            NumberOfThreads = 1,
            L2Regularization = 1e-3f,
            L1Regularization = 0f,
            MaximumNumberOfIterations = 200,
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(trainer), trainer, "Unknown trainer."),
    };
}
