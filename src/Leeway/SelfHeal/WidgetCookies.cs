using Leeway.Identity;

namespace Leeway.SelfHeal;

/// <summary>
/// Cookies inside the SaaS's page. There the widget is a third party, so its cookies must be <c>SameSite=None</c>, which
/// browsers accept only with <c>Secure</c> (HTTPS; Chromium and Firefox also count http://localhost and 127.0.0.1 as
/// secure, which is what the tests use), and <c>Partitioned</c> (CHIPS): kept per top-level site, so they still work
/// where third-party cookies are blocked and another site framing Leeway never sees them. The session cookie has its
/// own name, so it never replaces the one of Leeway's own pages.
/// </summary>
internal static class WidgetCookies
{
    public const string SessionName = "leeway_widget";

    public static CookieOptions Session() => ThirdParty(new CookieOptions { HttpOnly = true, Path = "/", IsEssential = true });

    /// <summary>Makes <paramref name="options"/> usable inside a frame on another site.</summary>
    public static CookieOptions ThirdParty(CookieOptions options)
    {
        options.SameSite = SameSiteMode.None;
        options.Secure = true;
        if (!options.Extensions.Contains("Partitioned"))
        {
            options.Extensions.Add("Partitioned");
        }

        return options;
    }

    /// <summary>
    /// The antiforgery cookie: strict on Leeway's own pages, third-party inside the widget (a strict cookie is withheld
    /// from a frame on another site, and every form there would be refused).
    /// </summary>
    internal sealed class Antiforgery : CookieBuilder
    {
        public override CookieOptions Build(HttpContext context, DateTimeOffset expiresFrom)
        {
            var options = base.Build(context, expiresFrom);
            return WidgetFraming.IsWidgetPath(context.Request.Path) ? ThirdParty(options) : options;
        }
    }
}
