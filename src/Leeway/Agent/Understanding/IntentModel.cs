using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leeway.Agent.Understanding;

/// <summary>
/// A trained intent model, safe to share across threads and hosts: ML.NET's PredictionEngine is not thread-safe,
/// so engines are pooled (taken, used, returned), the way Microsoft.Extensions.ML's PredictionEnginePool does it.
/// Two kinds: the n-gram model reads the text alone; the encoder model also reads the
/// <see cref="SentenceEmbedder"/>'s vector of the text (<see cref="UsesEncoder"/>).
/// </summary>
internal sealed class IntentModel
{
    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly DataViewSchema inputSchema;
    private readonly string[] labels;
    private readonly SentenceEmbedder? embedder;
    private readonly ConcurrentBag<PredictionEngine<UtteranceRow, IntentScoresRow>> engines = [];
    private readonly ConcurrentBag<PredictionEngine<EncodedUtteranceRow, IntentScoresRow>> encodedEngines = [];

    public IntentModel(MLContext ml, ITransformer model, DataViewSchema inputSchema, SentenceEmbedder? embedder = null)
    {
        this.ml = ml;
        this.model = model;
        this.inputSchema = inputSchema;
        this.embedder = embedder;
        if (embedder is null)
        {
            var engine = ml.Model.CreatePredictionEngine<UtteranceRow, IntentScoresRow>(model, inputSchema);
            labels = LabelsOf(engine.OutputSchema);
            engines.Add(engine);
        }
        else
        {
            var engine = ml.Model.CreatePredictionEngine<EncodedUtteranceRow, IntentScoresRow>(model, inputSchema);
            labels = LabelsOf(engine.OutputSchema);
            encodedEngines.Add(engine);
        }
    }

    /// <summary>True when the model reads the sentence encoder's vector as well as the n-grams.</summary>
    public bool UsesEncoder => embedder is not null;

    /// <summary>Loads a saved model; an encoder model needs the <paramref name="embedder"/> it was trained with.</summary>
    public static IntentModel Load(Stream zip, SentenceEmbedder? embedder = null)
    {
        var ml = new MLContext(IntentModelTrainer.Seed);
        var model = ml.Model.Load(zip, out var schema);
        var wantsEmbedding = schema.GetColumnOrNull(nameof(EncodedUtteranceRow.Embedding)) is not null;
        if (wantsEmbedding && embedder is null)
        {
            throw new InvalidOperationException("This intent model reads sentence-encoder vectors: load it with a SentenceEmbedder.");
        }

        return new IntentModel(ml, model, schema, wantsEmbedding ? embedder : null);
    }

    public void Save(Stream zip) => ml.Model.Save(model, inputSchema, zip);

    /// <summary>Every intent with its probability, most likely first.</summary>
    public IReadOnlyList<IntentScore> Score(string text)
    {
        var normalized = UtteranceNormalizer.ForModel(text);
        if (embedder is null)
        {
            return Rank(Predict(engines, new UtteranceRow { Text = normalized }));
        }

        var row = new EncodedUtteranceRow { Text = normalized, Embedding = embedder.Embed(text) };
        return Rank(Predict(encodedEngines, row));
    }

    /// <summary>
    /// <see cref="Score(string)"/> for many texts at once, the same numbers in the same order: one ML.NET
    /// <c>Transform</c> over the batch as an <see cref="IDataView"/>, where a prediction engine pays its per-row
    /// set-up on every call. For bulk work (a case backlog); a few thousand texts a call amortise the set-up.
    /// Safe from many threads at once: each call streams its own view through the shared, immutable transformer.
    /// </summary>
    public IReadOnlyList<IntentScore>[] ScoreBatch(IReadOnlyList<string> texts)
    {
        IDataView input;
        if (embedder is null)
        {
            var rows = new UtteranceRow[texts.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = new UtteranceRow { Text = UtteranceNormalizer.ForModel(texts[i]) };
            }

            input = ml.Data.LoadFromEnumerable(rows);
        }
        else
        {
            var vectors = embedder.Embed(texts);
            var rows = new EncodedUtteranceRow[texts.Count];
            for (var i = 0; i < rows.Length; i++)
            {
                rows[i] = new EncodedUtteranceRow { Text = UtteranceNormalizer.ForModel(texts[i]), Embedding = vectors[i] };
            }

            input = ml.Data.LoadFromEnumerable(rows);
        }

        var scored = model.Transform(input);
        var column = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var ranked = new IReadOnlyList<IntentScore>[texts.Count];
        var dense = new float[labels.Length];
        VBuffer<float> scores = default;
        for (var i = 0; i < ranked.Length; i++)
        {
            if (!cursor.MoveNext())
            {
                throw new InvalidOperationException($"The intent model returned {i} scored rows for {ranked.Length} texts.");
            }

            getter(ref scores);
            scores.CopyTo(dense);
            ranked[i] = Rank(dense);
        }

        return ranked;
    }

    private float[] Predict<TRow>(ConcurrentBag<PredictionEngine<TRow, IntentScoresRow>> pool, TRow row)
        where TRow : class
    {
        if (!pool.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<TRow, IntentScoresRow>(model, inputSchema);
        }

        try
        {
            return engine.Predict(row).Score;
        }
        finally
        {
            pool.Add(engine);
        }
    }

    private IntentScore[] Rank(ReadOnlySpan<float> scores)
    {
        var ranked = new IntentScore[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            ranked[i] = new IntentScore(labels[i], scores[i]);
        }

        Array.Sort(ranked, (a, b) => b.Probability.CompareTo(a.Probability));
        return ranked;
    }

    private static string[] LabelsOf(DataViewSchema outputSchema)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        outputSchema["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}

internal sealed record IntentScore(string Intent, double Probability);
