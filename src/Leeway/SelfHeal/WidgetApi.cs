using System.Reflection;
using Leeway.Identity;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Leeway.SelfHeal;

/// <summary>
/// Leeway inside the SaaS's dashboard: <c>/widget.js</c>, the one script tag the SaaS puts in its page, which frames
/// <see cref="MeterPath"/> (the Billing Health Meter and the chat with Lee) and signs the customer in by posting the
/// SaaS's JWT to <see cref="WidgetSignInModel"/>. Off (404) until <c>Identity:Widget:AllowedOrigins</c> names the SaaS.
/// </summary>
internal static class WidgetApi
{
    public const string ScriptPath = "/widget.js";

    public const string MeterPath = WidgetFraming.PathPrefix + "/me";

    private static readonly Lazy<string> Script = new(() =>
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Leeway.SelfHeal.widget.js")
            ?? throw new InvalidOperationException("The widget script (SelfHeal/widget.js) is not embedded in the assembly.");
        return new StreamReader(stream).ReadToEnd();
    });

    public static WebApplicationBuilder AddWidget(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<WidgetOptions>().BindConfiguration(WidgetOptions.Section).ValidateDataAnnotations()
            .Validate<IOptions<SaasTokenOptions>>(
                (widget, saas) => !widget.Enabled || saas.Value.Enabled,
                $"{WidgetOptions.Section}:AllowedOrigins is set but {SaasTokenOptions.Section}:Issuer is not: the widget signs customers in with the SaaS's JWT (docs/integrate.md).")
            .ValidateOnStart();
        return builder;
    }

    public static IEndpointRouteBuilder MapWidget(this IEndpointRouteBuilder app)
    {
        app.MapGet(ScriptPath, GetScript).WithName("GetWidgetScript").AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>The embed script: public, the same for everyone, cached briefly so a new version reaches pages soon.</summary>
    private static Results<ContentHttpResult, NotFound> GetScript(HttpContext http, IOptions<WidgetOptions> options)
    {
        if (!options.Value.Enabled)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        // Loaded by the SaaS's page from another origin: a script tag needs no CORS, but say so for a fetch()-based loader.
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "cross-origin";
        return TypedResults.Text(Script.Value, "text/javascript; charset=utf-8");
    }
}
