namespace Leeway.Policy.Rules;

/// <summary>The validated policy (policy.yaml plus this host's overrides).</summary>
public interface IPolicyProvider
{
    PolicySettings Current { get; }
}
