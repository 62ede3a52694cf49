namespace Leeway.Policy.Rules;

/// <summary>One key of policy.yaml: its name, what values it allows (said in errors), and how a valid value is applied.</summary>
/// <param name="Apply">Applies the raw text to the settings, or returns null when the value is not allowed.</param>
internal sealed record PolicyKey(string Name, string Allowed, Func<PolicySettings, string, PolicySettings?> Apply, Func<PolicySettings, string> Show);
