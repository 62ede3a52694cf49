using Microsoft.Extensions.Options;

namespace Leeway.Policy.Rules;

/// <summary>Fails the start (<c>ValidateOnStart</c>) with every problem found in the policy file and overrides.</summary>
internal sealed class PolicyOptionsValidator : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
