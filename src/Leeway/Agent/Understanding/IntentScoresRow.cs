using Microsoft.ML.Data;

namespace Leeway.Agent.Understanding;

/// <summary>The model's output row: one probability per intent, in the order of the model's label slots.</summary>
internal sealed class IntentScoresRow
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}
