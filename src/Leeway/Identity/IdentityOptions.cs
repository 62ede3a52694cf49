using System.ComponentModel.DataAnnotations;

namespace Leeway.Identity;

internal sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>HMAC key that signs customer tokens. Empty: one is generated and kept in the data folder.</summary>
    public string? TokenSigningKey { get; set; }

    [Range(1, 60 * 24 * 30)]
    public int TokenLifetimeMinutes { get; set; } = 60 * 24;

    /// <summary>Bearer credential of staff and internal callers (<c>/api/v1/customers/{id}/…</c>). Empty: generated and kept in the data folder.</summary>
    public string? ServiceKey { get; set; }
}
