using Microsoft.ML.Data;

namespace Leeway.Agent.Understanding;

/// <summary>The encoder model's input row: the n-gram model's <see cref="UtteranceRow"/> plus the sentence encoder's vector.</summary>
internal sealed class EncodedUtteranceRow
{
    public string Label { get; set; } = "";

    public string Text { get; set; } = "";

    [VectorType(SentenceEmbedder.Dimension)]
    public float[] Embedding { get; set; } = [];
}
