namespace Leeway.Policy.Rules;

/// <summary>The validated policy (policy.yaml plus this host's overrides).</summary>
internal interface IPolicyProvider
{
    PolicySettings Current { get; }
}
