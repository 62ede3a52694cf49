using Leeway.Diagnostics;

namespace Leeway.Prevent;

/// <summary>Why Tier 0 nudges about an object: a root-cause code (the nudge's reason), with the diagnosis and the
/// finding it came from when the diagnosis had one, so the nudge says what Lee and the dashboard say.</summary>
internal sealed record Cause(string Reason, Diagnosis? Diagnosis, Finding? Finding)
{
    public RootCause RootCause => RootCause.Of(Reason);

    public string? Fact(string key) => Finding?.Facts.GetValueOrDefault(key);
}
