namespace Leeway.Observability.Backlog;

/// <summary>
/// The cases classified as one intent: how many, the sum of the classifier's confidence over them, and how many fell
/// below Lee's confidence floor (where Lee would not act on its reading but ask, then hand to a person).
/// </summary>
internal readonly record struct IntentTally(long Cases, double ConfidenceSum, long Unsure)
{
    public IntentTally Add(double confidence, double floor) => new(Cases + 1, ConfidenceSum + confidence, Unsure + (confidence < floor ? 1 : 0));

    public IntentTally Add(IntentTally other) => new(Cases + other.Cases, ConfidenceSum + other.ConfidenceSum, Unsure + other.Unsure);

    public double MeanConfidence => Cases == 0 ? 0 : ConfidenceSum / Cases;
}
