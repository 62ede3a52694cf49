using Microsoft.Extensions.Options;

namespace Leeway.Policy.Rules;

internal sealed class PolicyProvider(IOptions<PolicyOptions> options) : IPolicyProvider
{
    public PolicySettings Current => options.Value.Settings;
}
