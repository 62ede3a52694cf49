namespace Leeway.Agent.Understanding;

/// <summary>The multiclass learners compared in docs/understanding.md; L-BFGS maximum entropy ships.</summary>
internal enum IntentTrainer
{
    LbfgsMaximumEntropy,
    SdcaMaximumEntropy,
}
