using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Leeway.Identity;

/// <summary>
/// Staff sign-in through the company's identity provider (OpenID Connect, authorization code with PKCE). Off unless
/// <see cref="Authority"/> is set; local accounts (<c>leeway staff add</c>) work either way. Section
/// <c>Identity:Oidc</c>; docs/integrate.md walks through Okta, Entra ID and Google-style settings.
/// </summary>
internal sealed class OidcOptions : IValidatableObject
{
    public const string Section = "Identity:Oidc";

    /// <summary>Where the callback lands; the redirect URI to register is this path on Leeway's public address.</summary>
    public const string CallbackPath = "/console/sign-in/oidc";

    /// <summary>The provider's issuer, e.g. <c>https://login.example.com/oauth2/default</c> (its discovery document is under
    /// <c>/.well-known/openid-configuration</c>). Empty: staff sign in with local accounts only.</summary>
    public string? Authority { get; set; }

    /// <summary>The client id the provider gave Leeway's staff console.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, for a confidential client. Empty: a public client that proves itself with PKCE alone.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in button says after "Sign in with", e.g. <c>Okta</c> or <c>Microsoft</c>.</summary>
    [Required]
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>The scopes asked for, separated by spaces; <c>openid</c> is required. Add the one that makes the provider
    /// send the role claim when it needs one (Okta's <c>groups</c>, say).</summary>
    [Required]
    public string Scope { get; set; } = "openid profile email";

    /// <summary>The claim whose values say who is an agent, a lead or an admin (Entra ID's <c>roles</c>, Okta's <c>groups</c>).
    /// Read from the ID token and the userinfo answer; a claim with several values gives the highest mapped role.</summary>
    [Required]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Claim value to role (<c>agent</c>, <c>lead</c> or <c>admin</c>), e.g. <c>Identity:Oidc:Roles:billing-leads = lead</c>.
    /// Empty: the claim's values are read as role names themselves. A member none of whose values maps is refused.</summary>
    public Dictionary<string, string> Roles { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The claim with the member's e-mail address: it finds their local account, or names the one created for them.</summary>
    [Required]
    public string EmailClaim { get; set; } = "email";

    [Required]
    public string NameClaim { get; set; } = "name";

    /// <summary>The discovery document and keys must come over HTTPS. Off only for a provider on this machine (tests, a
    /// provider run locally); any other authority is refused at start when this is off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public IReadOnlyList<string> Scopes => Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            if (!string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrEmpty(ClientSecret))
            {
                yield return new ValidationResult(
                    $"{Section}:Authority is empty but {Section}:ClientId or ClientSecret is set: set Authority to the provider's issuer (e.g. https://login.example.com) to turn staff single sign-on on, or remove the client settings.",
                    [nameof(Authority)]);
            }

            yield break;
        }

        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            yield return new ValidationResult($"{Section}:Authority '{Authority}' is not an absolute http(s) URL, e.g. https://login.example.com/oauth2/default.", [nameof(Authority)]);
        }
        else if (authority.Scheme == "http" && RequireHttpsMetadata)
        {
            yield return new ValidationResult(
                $"{Section}:Authority '{Authority}' is not HTTPS; the provider's keys must come over HTTPS ({Section}:RequireHttpsMetadata may be false only for a provider on this machine).",
                [nameof(Authority)]);
        }
        else if (!RequireHttpsMetadata && !IsLoopback(authority))
        {
            yield return new ValidationResult(
                $"{Section}:RequireHttpsMetadata is false but Authority '{Authority}' is not on this machine (localhost, 127.0.0.1, ::1); only a local test provider may be reached over HTTP.",
                [nameof(RequireHttpsMetadata)]);
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return new ValidationResult($"{Section}:ClientId is empty; set the client id the provider gave the staff console.", [nameof(ClientId)]);
        }

        if (!Scopes.Contains("openid", StringComparer.Ordinal))
        {
            yield return new ValidationResult($"{Section}:Scope '{Scope}' lacks openid; OpenID Connect needs it (e.g. \"openid profile email\").", [nameof(Scope)]);
        }

        foreach (var (value, role) in Roles)
        {
            if (StaffRoles.Parse(role) is null)
            {
                yield return new ValidationResult(
                    $"{Section}:Roles:{value} '{role}' is not one of: {string.Join(", ", StaffRoles.All)}.", [nameof(Roles)]);
            }
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address));
}
