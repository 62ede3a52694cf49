using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Leeway.Agent.Understanding;

/// <summary>
/// A trained intent model, safe to share across threads and hosts: ML.NET's PredictionEngine is not thread-safe,
/// so engines are pooled (taken, used, returned), the way Microsoft.Extensions.ML's PredictionEnginePool does it.
/// </summary>
internal sealed class IntentModel
{
    private readonly MLContext ml;
    private readonly ITransformer model;
    private readonly DataViewSchema inputSchema;
    private readonly string[] labels;
    private readonly ConcurrentBag<PredictionEngine<UtteranceRow, IntentScoresRow>> engines = [];

    public IntentModel(MLContext ml, ITransformer model, DataViewSchema inputSchema)
    {
        this.ml = ml;
        this.model = model;
        this.inputSchema = inputSchema;
        var engine = ml.Model.CreatePredictionEngine<UtteranceRow, IntentScoresRow>(model, inputSchema);
        labels = LabelsOf(engine);
        engines.Add(engine);
    }

    public IReadOnlyList<string> Labels => labels;

    public static IntentModel Load(Stream zip)
    {
        var ml = new MLContext(IntentModelTrainer.Seed);
        var model = ml.Model.Load(zip, out var schema);
        return new IntentModel(ml, model, schema);
    }

    public void Save(Stream zip) => ml.Model.Save(model, inputSchema, zip);

    /// <summary>Every intent with its probability, most likely first.</summary>
    public IReadOnlyList<IntentScore> Score(string text)
    {
        if (!engines.TryTake(out var engine))
        {
            engine = ml.Model.CreatePredictionEngine<UtteranceRow, IntentScoresRow>(model, inputSchema);
        }

        float[] scores;
        try
        {
            scores = engine.Predict(new UtteranceRow { Text = UtteranceNormalizer.ForModel(text) }).Score;
        }
        finally
        {
            engines.Add(engine);
        }

        return Rank(scores);
    }

    /// <summary>
    /// <see cref="Score(string)"/> for many texts at once, the same numbers in the same order: one ML.NET
    /// <c>Transform</c> over the batch as an <see cref="IDataView"/>, where a prediction engine pays its per-row
    /// set-up on every call. For bulk work (a case backlog); a few thousand texts a call amortise the set-up.
    /// Safe from many threads at once: each call streams its own view through the shared, immutable transformer.
    /// </summary>
    public IReadOnlyList<IntentScore>[] ScoreBatch(IReadOnlyList<string> texts)
    {
        var rows = new UtteranceRow[texts.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new UtteranceRow { Text = UtteranceNormalizer.ForModel(texts[i]) };
        }

        var scored = model.Transform(ml.Data.LoadFromEnumerable(rows));
        var column = scored.Schema["Score"];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        var ranked = new IReadOnlyList<IntentScore>[rows.Length];
        var dense = new float[labels.Length];
        VBuffer<float> scores = default;
        for (var i = 0; i < rows.Length; i++)
        {
            if (!cursor.MoveNext())
            {
                throw new InvalidOperationException($"The intent model returned {i} scored rows for {rows.Length} texts.");
            }

            getter(ref scores);
            scores.CopyTo(dense);
            ranked[i] = Rank(dense);
        }

        return ranked;
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

    private static string[] LabelsOf(PredictionEngine<UtteranceRow, IntentScoresRow> engine)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        engine.OutputSchema["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }
}

internal sealed record IntentScore(string Intent, double Probability);
