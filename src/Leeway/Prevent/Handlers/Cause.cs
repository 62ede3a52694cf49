using Leeway.Diagnostics;

namespace Leeway.Prevent.Handlers;

/// <summary>Why Tier 0 nudges about an object: a root cause (the nudge's reason), with the diagnosis and the
/// finding it came from when the diagnosis had one, so the nudge says what Lee and the dashboard say.</summary>
internal sealed record Cause(RootCause Reason, Diagnosis? Diagnosis, Finding? Finding)
{
    public RootCauseTraits Traits => Reason.Traits();

    public string? Fact(string key) => Finding?.Facts.GetValueOrDefault(key);
}
