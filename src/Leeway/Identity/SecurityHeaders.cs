using System.Security.Cryptography;

namespace Leeway.Identity;

/// <summary>
/// Headers every answer carries: a Content Security Policy (scripts only from this origin or with this response's nonce,
/// no framing by anyone except the widget's pages by the configured SaaS origins (<see cref="WidgetFraming"/>), forms
/// post only here), <c>X-Content-Type-Options: nosniff</c>, and HSTS when the request came
/// over HTTPS (directly or through a proxy that says so in <c>X-Forwarded-Proto</c>). Styles may be inline (the pages'
/// one stylesheet and chart colours); scripts may not, so an injected script cannot run.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "leeway.csp-nonce";

    /// <summary>This response's script nonce, for <c>&lt;script nonce="…"&gt;</c> in a page.</summary>
    public static string Nonce(HttpContext http)
    {
        if (http.Items[NonceKey] is string nonce)
        {
            return nonce;
        }

        nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Items[NonceKey] = nonce;
        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var nonce = Nonce(http);
        // Decided on the way in: an error page re-executed under another path keeps the framing of the page asked for.
        var ancestors = WidgetFraming.FrameAncestors(http);
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy =
                $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
                $"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors {ancestors ?? "'none'"}";
            headers.XContentTypeOptions = "nosniff";
            if (ancestors is null)
            {
                headers.XFrameOptions = "DENY";
            }
            else
            {
                // X-Frame-Options cannot name another origin; antiforgery's SAMEORIGIN would only confuse old browsers.
                headers.Remove("X-Frame-Options");
            }

            if (!headers.ContainsKey("Referrer-Policy"))
            {
                headers["Referrer-Policy"] = "same-origin";
            }

            if (http.Request.IsHttps)
            {
                headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            }

            return Task.CompletedTask;
        });
        await next(http);
    });
}
