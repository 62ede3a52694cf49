namespace Leeway.Policy.Rules;

/// <summary>
/// The policy as loaded at start: the settings, where they came from, and every problem found (a non-empty
/// <see cref="Errors"/> fails the start, see <see cref="PolicyOptionsValidator"/>).
/// Configuration: <c>Policy:File</c> (default policy.yaml in the app folder, then the current folder) and
/// <c>Policy:Overrides:&lt;key&gt;</c> = value for any key of the file (eval sets these from a scenario's <c>policy</c>).
/// </summary>
internal sealed class PolicyOptions
{
    public const string Section = "Policy";

    public PolicySettings Settings { get; set; } = new();

    /// <summary>The file the settings came from, or null when none was found and the built-in defaults apply.</summary>
    public string? Source { get; set; }

    public List<string> Errors { get; } = [];
}
