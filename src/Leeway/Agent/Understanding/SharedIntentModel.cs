namespace Leeway.Agent.Understanding;

/// <summary>
/// The intent models of the process, each loaded on first use from the model embedded in the assembly, then shared
/// by every host (eval runs many in one process) and every thread: <see cref="Instance"/> reads n-grams only (fast:
/// bulk work such as ranking a backlog); <see cref="WithEncoder"/> also reads the sentence encoder's vector (the chat
/// and <c>leeway classify</c>).
/// </summary>
internal static class SharedIntentModel
{
    public const string ModelResource = "Leeway.Agent.Understanding.Corpus.intent-model.zip";

    public const string EncoderModelResource = "Leeway.Agent.Understanding.Corpus.intent-model-encoder.zip";

    /// <summary>What the shipped model was trained on and scored (key/value lines), written beside it by <c>leeway train</c>.</summary>
    public const string ModelMetadataResource = "Leeway.Agent.Understanding.Corpus.intent-model.meta.tsv";

    public const string EncoderModelMetadataResource = "Leeway.Agent.Understanding.Corpus.intent-model-encoder.meta.tsv";

    private static readonly Lazy<IntentModel> Model = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<IntentModel> EncoderModel = new(LoadWithEncoder, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The n-gram model.</summary>
    public static IntentModel Instance => Model.Value;

    /// <summary>The n-gram + sentence-encoder model.</summary>
    public static IntentModel WithEncoder => EncoderModel.Value;

    /// <summary>An understander as the product runs it: the encoder model per message, the n-gram model for bulk.</summary>
    public static Understander ProductUnderstander() => new(WithEncoder, Instance);

    private static IntentModel Load()
    {
        using var stream = typeof(SharedIntentModel).Assembly.GetManifestResourceStream(ModelResource);
        if (stream is null)
        {
            // No shipped model (a fresh checkout before `leeway train`): train from the embedded corpus.
            return IntentModelTrainer.Train(IntentCorpus.Embedded().Training);
        }

        return IntentModel.Load(stream);
    }

    private static IntentModel LoadWithEncoder()
    {
        using var stream = typeof(SharedIntentModel).Assembly.GetManifestResourceStream(EncoderModelResource);
        if (stream is null)
        {
            // Not trained yet (`leeway train` writes it): the n-gram model alone.
            return Instance;
        }

        return IntentModel.Load(stream, SentenceEmbedder.Shared);
    }
}
