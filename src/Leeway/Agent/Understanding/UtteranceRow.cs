namespace Leeway.Agent.Understanding;

/// <summary>The model's input row: the intent label (empty when predicting) and the normalized text.</summary>
internal sealed class UtteranceRow
{
    public string Label { get; set; } = "";

    public string Text { get; set; } = "";
}
