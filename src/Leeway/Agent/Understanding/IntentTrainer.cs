namespace Leeway.Agent.Understanding;

/// <summary>The multiclass learners compared in docs/understanding.md; SDCA maximum entropy ships.</summary>
internal enum IntentTrainer
{
    SdcaMaximumEntropy,
    LbfgsMaximumEntropy,
}
