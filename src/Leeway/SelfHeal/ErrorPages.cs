namespace Leeway.SelfHeal;

/// <summary>
/// Errors as each caller reads them: a browser asking for a page gets an HTML page (<see cref="ErrorPageModel"/>), never
/// JSON; an API client (a path under <c>/api</c>, a webhook, anything not asking for HTML) gets ProblemDetails JSON.
/// </summary>
internal static class ErrorPages
{
    public const string Path = "/error/{0}";

    public static WebApplication UseErrorPages(this WebApplication app)
    {
        app.UseWhen(WantsPage, page =>
        {
            page.UseExceptionHandler("/error/500");
            page.UseStatusCodePagesWithReExecute(Path);
        });
        app.UseWhen(http => !WantsPage(http), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        return app;
    }

    /// <summary>A browser's navigation: it accepts text/html, and the path is not an API's.</summary>
    public static bool WantsPage(HttpContext http)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/webhooks") || path.StartsWithSegments("/openapi")
            || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/health"))
        {
            return false;
        }

        return http.Request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
    }
}
