using System.ComponentModel.DataAnnotations;
using Leeway.Routing;

namespace Leeway.Observability.Cost;

/// <summary>
/// Unit costs per contact, by the tier that finished it, in minor units of <see cref="Currency"/>
/// (configuration section <c>Cost</c>: <c>Cost:Human=800</c> is $8.00).
/// </summary>
internal sealed class CostOptions
{
    public const string Section = "Cost";

    [Required, RegularExpression("^[a-z]{3}$", ErrorMessage = "Cost:Currency must be a three-letter lowercase ISO code such as usd.")]
    public string Currency { get; set; } = "usd";

    [Range(0, long.MaxValue, ErrorMessage = "Cost:Human must be 0 or more (minor units per contact).")]
    public long Human { get; set; } = 800;

    [Range(0, long.MaxValue, ErrorMessage = "Cost:Agent must be 0 or more (minor units per contact).")]
    public long Agent { get; set; } = 20;

    [Range(0, long.MaxValue, ErrorMessage = "Cost:SelfHeal must be 0 or more (minor units per contact).")]
    public long SelfHeal { get; set; } = 10;

    [Range(0, long.MaxValue, ErrorMessage = "Cost:Prevent must be 0 or more (minor units per contact).")]
    public long Prevent { get; set; }

    /// <summary>A window's volumes are scaled to this many days to read as monthly.</summary>
    [Range(1, 31, ErrorMessage = "Cost:DaysPerMonth must be 1 to 31.")]
    public int DaysPerMonth { get; set; } = 30;

    public long UnitCost(int tier) => tier switch
    {
        Tier.Prevent => Prevent,
        Tier.SelfHeal => SelfHeal,
        Tier.Agent => Agent,
        Tier.Human => Human,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, "A tier is 0 to 3."),
    };
}
