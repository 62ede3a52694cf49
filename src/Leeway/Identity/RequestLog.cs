using System.Diagnostics;
using System.Text;

namespace Leeway.Identity;

/// <summary>
/// One log line per request: method, path, status, duration. Query values are written as <c>[redacted]</c> (a sign-in
/// link carries the customer's token in its query), and ASP.NET Core's own request lines, which print the full URL,
/// are turned off in <see cref="HardeningRegistration"/>.
/// </summary>
internal static partial class RequestLog
{
    public const string Redacted = "[redacted]";

    public static IApplicationBuilder UseRequestLog(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RequestLog).FullName!);
        return app.Use(async (http, next) =>
        {
            if (!logger.IsEnabled(LogLevel.Information))
            {
                await next(http);
                return;
            }

            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                Finished(logger, http.Request.Method, http.Request.Path.Value ?? "/", RedactedQuery(http.Request.Query), http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    /// <summary><c>?token=[redacted]&amp;utm=[redacted]</c>: which parameters came, never what they said.</summary>
    public static string RedactedQuery(IQueryCollection query)
    {
        if (query.Count == 0)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var key in query.Keys)
        {
            text.Append(text.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(key)).Append('=').Append(Redacted);
        }

        return text.ToString();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path}{Query} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Finished(ILogger logger, string method, string path, string query, int statusCode, double elapsedMs);
}
