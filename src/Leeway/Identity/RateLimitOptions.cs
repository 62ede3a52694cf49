using System.ComponentModel.DataAnnotations;

namespace Leeway.Identity;

/// <summary>
/// How many requests of each rate-limited kind one caller may make per window (a fixed window): chat turns and "talk to
/// a person" per customer, staff sign-in posts and sign-in links per client address. Generous for a person, tight for
/// a script; a refused request gets 429 with <c>Retry-After</c>. Section <c>RateLimits</c>.
/// </summary>
internal sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Conversations started and messages sent, per customer.</summary>
    [Range(1, 100_000)]
    public int ChatPermits { get; set; } = 30;

    [Range(1, 86_400)]
    public int ChatWindowSeconds { get; set; } = 60;

    /// <summary>"Talk to a person" from the Billing Health Meter, per customer.</summary>
    [Range(1, 100_000)]
    public int PersonPermits { get; set; } = 5;

    [Range(1, 86_400)]
    public int PersonWindowSeconds { get; set; } = 600;

    /// <summary>Staff sign-in attempts, per client address (the account lockout counts per account).</summary>
    [Range(1, 100_000)]
    public int SignInPermits { get; set; } = 10;

    [Range(1, 86_400)]
    public int SignInWindowSeconds { get; set; } = 60;

    /// <summary>Customer sign-in links opened, per client address.</summary>
    [Range(1, 100_000)]
    public int SignInLinkPermits { get; set; } = 30;

    [Range(1, 86_400)]
    public int SignInLinkWindowSeconds { get; set; } = 60;
}
