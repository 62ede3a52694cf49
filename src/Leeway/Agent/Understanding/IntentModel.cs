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
