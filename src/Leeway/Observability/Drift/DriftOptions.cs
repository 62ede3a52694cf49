using System.ComponentModel.DataAnnotations;

namespace Leeway.Observability.Drift;

/// <summary>
/// How drift is judged (configuration section <c>Drift</c>): the last <see cref="CurrentDays"/> days are compared with
/// the <see cref="BaselineDays"/> days before them.
/// </summary>
internal sealed class DriftOptions
{
    public const string Section = "Drift";

    [Range(1, 365, ErrorMessage = "Drift:BaselineDays must be 1 to 365.")]
    public int BaselineDays { get; set; } = 28;

    [Range(1, 365, ErrorMessage = "Drift:CurrentDays must be 1 to 365.")]
    public int CurrentDays { get; set; } = 7;

    /// <summary>Flag when the intent mix moved by more than this total variation distance (half the sum of share changes), 0..1.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Drift:IntentMixThreshold must be 0 to 1.")]
    public double IntentMixThreshold { get; set; } = 0.15;

    /// <summary>Flag when the automated resolution rate moved by more than this many points (0.10 = 10 points), 0..1.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Drift:ResolutionRateThreshold must be 0 to 1.")]
    public double ResolutionRateThreshold { get; set; } = 0.10;

    /// <summary>Below this many contacts in either window nothing is flagged: noise, not drift.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Drift:MinimumContacts must be at least 1.")]
    public int MinimumContacts { get; set; } = 30;
}
