namespace Leeway.Agent.Understanding;

/// <summary>
/// The one intent model of the process: loaded on first use from the model embedded in the assembly, then shared
/// by every host (eval runs many in one process) and every thread.
/// </summary>
internal static class SharedIntentModel
{
    public const string ModelResource = "Leeway.Agent.Understanding.Corpus.intent-model.zip";

    /// <summary>What the shipped model was trained on and scored (key/value lines), written beside it by <c>leeway train</c>.</summary>
    public const string ModelMetadataResource = "Leeway.Agent.Understanding.Corpus.intent-model.meta.tsv";

    private static readonly Lazy<IntentModel> Model = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static IntentModel Instance => Model.Value;

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
}
