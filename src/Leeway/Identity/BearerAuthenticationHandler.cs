using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Leeway.Identity;

/// <summary>
/// One bearer scheme for the kinds of caller: a signed customer token (claim <c>customer_id</c>), a customer the SaaS
/// signed in (its JWT, checked by <see cref="SaasTokens"/>, same claim), or the service key (role <c>service</c>, for
/// staff tools and internal callers).
/// </summary>
internal sealed class BearerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CustomerTokens tokens,
    ServiceKey serviceKey,
    RevokedCredentials revoked,
    IOptions<SaasTokenOptions> saas)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";
    public const string CustomerIdClaim = "customer_id";
    public const string ServiceRole = "service";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var credential = header["Bearer ".Length..].Trim();
        if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(credential), Encoding.UTF8.GetBytes(serviceKey.Value)))
        {
            var service = new ClaimsIdentity([new Claim(ClaimTypes.Name, "service"), new Claim(ClaimTypes.Role, ServiceRole)], SchemeName);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(service), SchemeName));
        }

        if (saas.Value.Enabled && SaasTokens.LooksLikeJwt(credential))
        {
            var vouched = await Context.AuthenticateAsync(SaasTokens.SchemeName);
            return vouched.Succeeded
                ? AuthenticateResult.Success(new AuthenticationTicket(vouched.Principal, SchemeName))
                : AuthenticateResult.Fail("The SaaS token was refused (the log says why).");
        }

        var customerId = tokens.Validate(credential);
        if (customerId is null)
        {
            return AuthenticateResult.Fail("The bearer token is invalid or expired.");
        }

        if (await revoked.IsRevokedAsync(RevokedCredentials.TokenId(credential), Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The bearer token was signed out.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, customerId), new Claim(CustomerIdClaim, customerId)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}

/// <summary>The service credential, resolved once at start.</summary>
internal sealed record ServiceKey(string Value);
