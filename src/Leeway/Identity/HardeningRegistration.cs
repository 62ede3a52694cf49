using Leeway.Storage;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.ResponseCompression;

namespace Leeway.Identity;

/// <summary>
/// What every request passes through before a capability sees it: the client's address and scheme as a trusted proxy
/// reports them (loopback proxies only, ASP.NET Core's default), a request log without secrets, the security headers,
/// response compression, oversize bodies answered 413, and the rate limits.
/// </summary>
internal static class HardeningRegistration
{
    public static WebApplicationBuilder AddHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ISchema, IdentitySchema>();
        builder.Services.AddSingleton<RevokedCredentials>();
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        // ASP.NET Core's own request lines print the whole URL, query included: RequestLog writes them instead.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        // Compressed over plain HTTP; not over HTTPS (direct or through a TLS proxy), where a secret on a page (the
        // antiforgery token) and reflected input in one compressed answer would open BREACH.
        builder.Services.AddResponseCompression(o =>
        {
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/problem+json", "image/svg+xml"]);
        });
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = StatusOf);
        builder.AddRateLimits();
        return builder;
    }

    /// <summary>The middleware in front of the exception handler (so an error page gets the headers too).</summary>
    public static WebApplication UseHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRequestLog();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseOversizeBodyAs413();
        return app;
    }

    /// <summary>An exception with its own HTTP status (a body over Kestrel's limit is a 413) keeps it instead of 500.</summary>
    public static int StatusOf(Exception exception) => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
}
