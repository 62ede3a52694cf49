using Leeway.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Leeway.SelfHeal;

/// <summary>
/// The widget's sign-in (<c>/widget/sign-in</c>): the SaaS's JWT, posted into the frame by <c>/widget.js</c> (or, for
/// a plain iframe, in its URL), exchanged once for the widget's own session cookie (<see cref="WidgetCookies"/>), then
/// on to the meter. The post is believed only from a configured origin (a browser always says where a cross-origin
/// post comes from), so no other site can sign a visitor's widget in as someone else. Without a valid token the page
/// says the session ended: only the SaaS's page can start a new one.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken] // the post comes from the SaaS's page, which has no Leeway form token; the Origin check stands in
[RateLimited(RateLimits.SignInLink, Method = "GET")]
[RateLimited(RateLimits.SignInLink, Method = "POST")]
internal sealed partial class WidgetSignInModel(CustomerTokens tokens, IOptions<WidgetOptions> widget, ILogger<WidgetSignInModel> logger) : PageModel
{
    public const string Path = WidgetFraming.PathPrefix + "/sign-in";

    public MeterSays Says { get; private set; } = MeterSays.English;

    /// <summary>
    /// The plain iframe (<c>/widget/sign-in?jwt=…</c>): the token is in a URL here, which the request log redacts; the
    /// answer is a redirect, so the frame's address (and any Referer) no longer holds it.
    /// </summary>
    public Task<IActionResult> OnGetAsync([FromQuery(Name = SaasTokens.QueryParameter)] string? jwt) => ExchangeAsync(jwt);

    public Task<IActionResult> OnPostAsync([FromForm(Name = SaasTokens.QueryParameter)] string? jwt)
    {
        var origin = Request.Headers.Origin.ToString();
        if (!widget.Value.Allows(origin))
        {
            RefusedOrigin(logger, origin.Length == 0 ? "(none)" : origin);
            return Task.FromResult<IActionResult>(Ended(StatusCodes.Status403Forbidden));
        }

        return ExchangeAsync(jwt);
    }

    private async Task<IActionResult> ExchangeAsync(string? jwt)
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["Referrer-Policy"] = "no-referrer";
        Says = MeterSays.For(null, Request.Headers.AcceptLanguage.ToString(), null);
        if (!widget.Value.Enabled)
        {
            return NotFound();
        }

        var customerId = string.IsNullOrEmpty(jwt) ? null : await SaasTokens.CustomerOfAsync(HttpContext, jwt);
        if (customerId is null)
        {
            // The reason is logged by SaasTokens; the page says only what the customer can do.
            return Ended(StatusCodes.Status401Unauthorized);
        }

        Response.Cookies.Append(WidgetCookies.SessionName, tokens.Issue(customerId), WidgetCookies.Session());
        return Redirect(Request.PathBase + WidgetApi.MeterPath);
    }

    private PageResult Ended(int status)
    {
        Says = MeterSays.For(null, Request.Headers.AcceptLanguage.ToString(), null);
        Response.StatusCode = status;
        return Page();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A widget sign-in was posted from an origin not in Identity:Widget:AllowedOrigins: {Origin}")]
    private static partial void RefusedOrigin(ILogger logger, string origin);
}
