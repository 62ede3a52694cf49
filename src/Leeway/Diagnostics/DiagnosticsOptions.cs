using Leeway.Diagnostics.Sources;

namespace Leeway.Diagnostics;

/// <summary>Configuration section <c>Diagnostics</c>: deadlines, which adapters the sources use, injected faults, the cache.</summary>
internal sealed class DiagnosticsOptions
{
    public const string Section = "Diagnostics";

    public DeadlineOptions Deadlines { get; set; } = new();

    public EntitlementSourceOptions Entitlements { get; set; } = new();

    public UsageSourceOptions Usage { get; set; } = new();

    /// <summary><c>Diagnostics:Faults:&lt;stripe|entitlements|usage&gt;</c> = <c>error</c> | <c>timeout</c> (tests and eval).</summary>
    public Dictionary<string, string> Faults { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public DiagnosisCacheOptions Cache { get; set; } = new();

    /// <summary>The fault injected into a source, or null.</summary>
    internal SourceFault? FaultFor(string source) =>
        Faults.FirstOrDefault(f => string.Equals(f.Key, source, StringComparison.OrdinalIgnoreCase)).Value is { Length: > 0 } mode
            ? new SourceFault(source, mode.ToLowerInvariant())
            : null;
}
