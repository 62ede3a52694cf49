using Leeway.Humans.Console;
using Leeway.Identity;
using Leeway.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.ApplicationParts;

namespace Leeway.SelfHeal;

/// <summary>
/// The server-rendered pages: the customer's Billing Health Meter (<c>/me</c>, and <c>/widget/me</c> inside the SaaS's
/// dashboard) and, registered from here so the host
/// keeps one line per capability, the staff console (<c>/console</c>). Razor Pages, rooted at the project so each page
/// lives in its capability's folder.
/// </summary>
internal static class SelfHealRegistration
{
    public const string CustomerPagePolicy = "customer-page";

    public static WebApplicationBuilder AddSelfHeal(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(options =>
            {
                options.RootDirectory = "/";
                options.Conventions.AddPageRoute("/SelfHeal/Meter", "customers/{id}");
                // The same page inside the SaaS's dashboard (its own cookie, framing allowed to the configured origins).
                options.Conventions.AddPageRoute("/SelfHeal/Meter", WidgetApi.MeterPath.TrimStart('/'));
            })
            .ConfigureApplicationPartManager(IncludeThisAssembly);
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie = new WidgetCookies.Antiforgery
            {
                Name = "leeway_antiforgery",
                SameSite = SameSiteMode.Strict,
                SecurePolicy = CookieSecurePolicy.SameAsRequest,
                HttpOnly = true,
                IsEssential = true,
            };
            options.FormFieldName = "__antiforgery";
        });
        builder.AddWidget();

        builder.Services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, CustomerCookieAuthenticationHandler>(CustomerCookieAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(CustomerPagePolicy, p => p
                .AddAuthenticationSchemes(CustomerCookieAuthenticationHandler.SchemeName)
                .RequireClaim(BearerAuthenticationHandler.CustomerIdClaim));

        builder.Services.AddSingleton<ISchema, SelfHealSchema>();
        builder.Services.AddSingleton<ClickLedger>();
        builder.Services.AddSingleton<SignInLinks>();
        builder.Services.AddSingleton<DashboardChat>();
        // The meter's use cases: the page model's handlers call them.
        builder.Services.AddSingleton<MeterObservers>();
        builder.Services.AddSingleton<MeterReading>();
        builder.Services.AddSingleton<MeterCases>();
        builder.Services.AddSingleton<MeterFixes>();
        builder.Services.AddSingleton<MeterChat>();
        builder.AddConsole();
        return builder;
    }

    public static IEndpointRouteBuilder MapSelfHeal(this IEndpointRouteBuilder app)
    {
        app.MapRazorPages();
        app.MapWidget();
        app.MapConsole();
        return app;
    }

    /// <summary>
    /// MVC finds pages in the entry assembly, which is <c>leeway</c> under <c>serve</c> but the test host under tests and
    /// eval: add this assembly's pages unless they are already there (twice would make every route ambiguous).
    /// </summary>
    private static void IncludeThisAssembly(ApplicationPartManager manager)
    {
        var assembly = typeof(SelfHealRegistration).Assembly;
        if (manager.ApplicationParts.OfType<AssemblyPart>().Any(p => p.Assembly == assembly))
        {
            return;
        }

        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
        {
            manager.ApplicationParts.Add(part);
        }
    }
}
