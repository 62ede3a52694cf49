using Leeway.Policy;
using Leeway.Policy.Rules;

namespace Leeway.Tests.Policy;

internal sealed class FixedPolicy(PolicySettings settings) : IPolicyProvider
{
    public PolicySettings Current { get; } = settings;
}
