using System.Security.Claims;
using System.Text.Encodings.Web;
using Leeway.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Leeway.SelfHeal;

/// <summary>
/// The customer's pages: an HttpOnly, SameSite=Strict cookie that holds the customer's bearer token (set by the sign-in
/// link), validated on every request like the bearer header, so an expired or forged token is refused the same way.
/// Inside the widget (<c>/widget/…</c>) the session is the widget's own third-party cookie (<see cref="WidgetCookies"/>),
/// set by its sign-in from the SaaS's JWT; each cookie is read only on its own pages.
/// </summary>
internal sealed class CustomerCookieAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    CustomerTokens tokens,
    RevokedCredentials revoked)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "customer-cookie";
    public const string CookieName = "leeway_customer";
    public const string SignInPath = "/me/sign-in";

    /// <summary>Sets the cookie for <paramref name="token"/>; it lives as long as the token (its expiry is checked on each request).</summary>
    public static void SignIn(HttpContext http, string token) =>
        http.Response.Cookies.Append(CookieName, token, CookieOptions(http));

    public static void SignOut(HttpContext http) => http.Response.Cookies.Delete(CookieName, CookieOptions(http));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var cookieName = WidgetFraming.IsWidgetPath(Request.Path) ? WidgetCookies.SessionName : CookieName;
        if (!Request.Cookies.TryGetValue(cookieName, out var token) || string.IsNullOrEmpty(token))
        {
            return AuthenticateResult.NoResult();
        }

        var customerId = tokens.Validate(token);
        if (customerId is null)
        {
            return AuthenticateResult.Fail("The sign-in link has expired or is not valid.");
        }

        if (await revoked.IsRevokedAsync(RevokedCredentials.TokenId(token), Context.RequestAborted))
        {
            return AuthenticateResult.Fail("This sign-in was signed out.");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, customerId), new Claim(BearerAuthenticationHandler.CustomerIdClaim, customerId)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>Not signed in: to the sign-in page, which takes the link's token if the request carried one.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (WidgetFraming.IsWidgetPath(Request.Path))
        {
            // Inside the SaaS's page only the SaaS can sign the customer in again (a fresh JWT with its page).
            Response.Redirect(Request.PathBase + WidgetSignInModel.Path);
            return Task.CompletedTask;
        }

        Response.Redirect(SignInUrl(Request.Query) ?? SignInPath);
        return Task.CompletedTask;
    }

    /// <summary>The sign-in page for a credential a request carries (a Leeway link's token or the SaaS's JWT), else null.</summary>
    public static string? SignInUrl(IQueryCollection query)
    {
        foreach (var name in new[] { "token", SaasTokens.QueryParameter })
        {
            if (query.TryGetValue(name, out var value) && value.ToString().Length > 0)
            {
                return $"{SignInPath}?{name}={Uri.EscapeDataString(value.ToString())}";
            }
        }

        return null;
    }

    private static CookieOptions CookieOptions(HttpContext http) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = http.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
