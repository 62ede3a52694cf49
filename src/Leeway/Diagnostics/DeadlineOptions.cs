using Leeway.Diagnostics.Sources;

namespace Leeway.Diagnostics;

/// <summary><c>Diagnostics:Deadlines:stripe|entitlements|usage</c>: how long each source may take, in milliseconds.</summary>
internal sealed class DeadlineOptions
{
    public int Stripe { get; set; } = 2000;

    public int Entitlements { get; set; } = 1000;

    public int Usage { get; set; } = 1000;

    internal TimeSpan For(string source) => TimeSpan.FromMilliseconds(source switch
    {
        SourceNames.Stripe => Stripe,
        SourceNames.Entitlements => Entitlements,
        SourceNames.Usage => Usage,
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown source."),
    });
}
