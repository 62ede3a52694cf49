using Microsoft.Extensions.Options;

namespace Leeway.Identity;

/// <summary>
/// Which answers may be shown inside another site's page: only the widget's (<c>/widget/…</c>), and only to the origins
/// in <see cref="WidgetOptions.AllowedOrigins"/>. Every other answer keeps <c>frame-ancestors 'none'</c>.
/// </summary>
internal static class WidgetFraming
{
    public const string PathPrefix = "/widget";

    /// <summary>Whether a path is one of the widget's pages (<c>/widget</c> and below; not <c>/widget.js</c>).</summary>
    public static bool IsWidgetPath(PathString path) => path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>frame-ancestors</c> sources for this request, or null when it may not be framed by anyone.</summary>
    public static string? FrameAncestors(HttpContext http)
    {
        if (!IsWidgetPath(http.Request.Path))
        {
            return null;
        }

        var options = http.RequestServices.GetService<IOptions<WidgetOptions>>()?.Value;
        return options is { Enabled: true } ? options.SourceList : null;
    }
}
