using Leeway.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.SelfHeal;

/// <summary>
/// Where a sign-in link (<c>/me?token=…</c>) lands, or the SaaS's own sign-in (<c>/me/sign-in?jwt=…</c>, exchanged for a
/// Leeway token for the customer it names): the token goes into an HttpOnly, SameSite=Strict cookie and the
/// browser moves on to <c>/me</c>. A page rather than a redirect, so the cookie is also sent when the link was opened
/// from an email (a strict cookie is withheld from a redirect chain that began on another site), and the token does
/// not linger in the address bar or in a Referer.
/// </summary>
[AllowAnonymous]
[RateLimited(RateLimits.SignInLink, Method = "GET")]
public sealed class SignInModel(CustomerTokens tokens, RevokedCredentials revoked) : PageModel
{
    public bool SignedIn { get; private set; }

    public bool Expired { get; private set; }

    public bool SignedOut { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? token, [FromQuery(Name = "signed_out")] string? signedOut, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        SignedOut = signedOut is not null;
        if (!string.IsNullOrEmpty(Request.Query[SaasTokens.QueryParameter]))
        {
            // The SaaS vouches for its signed-in customer: its JWT is exchanged once for this session's cookie.
            var vouched = await SaasTokens.CustomerOfAsync(HttpContext);
            if (vouched is null)
            {
                Expired = true;
                CustomerCookieAuthenticationHandler.SignOut(HttpContext);
                Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Page();
            }

            token = tokens.Issue(vouched);
        }

        if (string.IsNullOrEmpty(token))
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        if (tokens.Validate(token) is null || await revoked.IsRevokedAsync(RevokedCredentials.TokenId(token), ct))
        {
            Expired = true;
            CustomerCookieAuthenticationHandler.SignOut(HttpContext);
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        CustomerCookieAuthenticationHandler.SignIn(HttpContext, token);
        SignedIn = true;
        return Page();
    }
}
