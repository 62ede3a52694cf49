using Leeway.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;

namespace Leeway.SelfHeal;

/// <summary>
/// Where a sign-in link (<c>/me?token=…</c>, or an e-mailed single-use <c>/me/sign-in?link=…</c>) lands, or the SaaS's
/// own sign-in (<c>/me/sign-in?jwt=…</c>, exchanged for a Leeway token for the customer it names): the token goes into
/// an HttpOnly, SameSite=Strict cookie and the browser moves on to <c>/me</c>. A page rather than a redirect, so the
/// cookie is also sent when the link was opened from an email (a strict cookie is withheld from a redirect chain that
/// began on another site), and the token does not linger in the address bar or in a Referer. Signed out, the page asks
/// for an e-mail address and sends a fresh link (<see cref="SignInLinks"/>), answering the same for any address.
/// </summary>
[AllowAnonymous]
[RateLimited(RateLimits.SignInLink, Method = "GET")]
[RateLimited(RateLimits.SignInLink, Method = "POST")]
internal sealed class SignInModel(CustomerTokens tokens, RevokedCredentials revoked, SignInLinks links) : PageModel
{
    public const int MaxEmailLength = 254;

    public bool SignedIn { get; private set; }

    public bool Expired { get; private set; }

    public bool SignedOut { get; private set; }

    /// <summary>A link was asked for: the page says one is on its way if the address has an account.</summary>
    public bool LinkRequested { get; private set; }

    public string? Error { get; private set; }

    public MeterSays Says { get; private set; } = MeterSays.English;

    public async Task<IActionResult> OnGetAsync(string? token, [FromQuery(Name = "signed_out")] string? signedOut, [FromQuery(Name = SignInLinks.QueryParameter)] string? link, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Says = MeterSays.For(null, Request.Headers.AcceptLanguage.ToString(), null);
        SignedOut = signedOut is not null;
        if (!string.IsNullOrEmpty(Request.Query[SaasTokens.QueryParameter]))
        {
            // The SaaS vouches for its signed-in customer: its JWT is exchanged once for this session's cookie.
            var vouched = await SaasTokens.CustomerOfAsync(HttpContext);
            if (vouched is null)
            {
                return Refused();
            }

            token = tokens.Issue(vouched);
        }

        if (!string.IsNullOrEmpty(link))
        {
            // An e-mailed link works once and briefly; what it buys is a session token of the usual lifetime.
            if (await links.UseAsync(link, ct) is not { } customerId)
            {
                return Refused();
            }

            token = tokens.Issue(customerId);
        }

        if (string.IsNullOrEmpty(token))
        {
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        if (tokens.Validate(token) is null || await revoked.IsRevokedAsync(RevokedCredentials.TokenId(token), ct))
        {
            return Refused();
        }

        CustomerCookieAuthenticationHandler.SignIn(HttpContext, token);
        SignedIn = true;
        return Page();
    }

    /// <summary>Asks for a fresh link by e-mail. The answer is the same for every well-formed address.</summary>
    public IActionResult OnPost(string? email)
    {
        Response.Headers.CacheControl = "no-store";
        Says = MeterSays.For(null, Request.Headers.AcceptLanguage.ToString(), null);
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > MaxEmailLength || !email.Contains('@', StringComparison.Ordinal)
            || !MailboxAddress.TryParse(email, out var address) || address.Address != email)
        {
            Error = Says.Text("SignIn.Invalid");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        links.Request(email, Says);
        LinkRequested = true;
        return Page();
    }

    private PageResult Refused()
    {
        Expired = true;
        CustomerCookieAuthenticationHandler.SignOut(HttpContext);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
