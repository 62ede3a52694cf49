using System.ComponentModel.DataAnnotations;

namespace Leeway.Identity;

/// <summary>
/// Customers the SaaS has signed in: it vouches for them with a JWT it signs, and Leeway trusts it. Off unless
/// <see cref="Issuer"/> is set. Section <c>Identity:Saas</c>; docs/integrate.md shows the SaaS side.
/// </summary>
internal sealed class SaasTokenOptions : IValidatableObject
{
    public const string Section = "Identity:Saas";

    /// <summary>The <c>iss</c> the SaaS puts in its tokens, e.g. <c>https://app.example.com</c>. Empty: SaaS tokens are off.</summary>
    public string? Issuer { get; set; }

    /// <summary>The <c>aud</c> the tokens must name: this Leeway, e.g. <c>leeway</c>.</summary>
    public string Audience { get; set; } = "leeway";

    /// <summary>Where the SaaS publishes its public keys (RS256 or ES256), e.g. <c>https://app.example.com/.well-known/jwks.json</c>.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>For small set-ups instead of a JWKS: the HS256 secret both sides hold (at least 32 bytes).</summary>
    public string? SharedSecret { get; set; }

    /// <summary>The claim that carries the Stripe customer id (<c>cus_…</c>).</summary>
    [Required]
    public string CustomerIdClaim { get; set; } = "stripe_customer_id";

    /// <summary>How far the two clocks may disagree about <c>exp</c> and <c>nbf</c>.</summary>
    [Range(0, 600)]
    public int ClockSkewSeconds { get; set; } = 60;

    /// <summary>The JWKS must come over HTTPS; off only for a JWKS on this machine (tests, a local SaaS).</summary>
    public bool RequireHttpsJwks { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Issuer);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        var hasJwks = !string.IsNullOrWhiteSpace(JwksUrl);
        var hasSecret = !string.IsNullOrEmpty(SharedSecret);
        if (hasJwks == hasSecret)
        {
            yield return new ValidationResult(
                $"{Section}: set exactly one of JwksUrl (RS256/ES256 keys the SaaS publishes) or SharedSecret (HS256); both or neither are set.",
                [nameof(JwksUrl), nameof(SharedSecret)]);
        }

        if (hasJwks && !Uri.TryCreate(JwksUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"{Section}:JwksUrl '{JwksUrl}' is not an absolute URL, e.g. https://app.example.com/.well-known/jwks.json.", [nameof(JwksUrl)]);
        }

        if (hasSecret && System.Text.Encoding.UTF8.GetByteCount(SharedSecret!) < 32)
        {
            yield return new ValidationResult($"{Section}:SharedSecret is shorter than 32 bytes; HS256 needs a 256-bit secret (e.g. openssl rand -hex 32).", [nameof(SharedSecret)]);
        }
    }
}
