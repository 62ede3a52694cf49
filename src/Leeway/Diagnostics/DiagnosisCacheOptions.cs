namespace Leeway.Diagnostics;

/// <summary><c>Diagnostics:Cache</c>: keep complete diagnoses per customer for a while (off by default).</summary>
internal sealed class DiagnosisCacheOptions
{
    public bool Enabled { get; set; }

    public int TtlSeconds { get; set; } = 60;

    public int MaxEntries { get; set; } = 10_000;
}
