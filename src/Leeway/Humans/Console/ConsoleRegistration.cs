using Microsoft.AspNetCore.Authentication.Cookies;

namespace Leeway.Humans.Console;

/// <summary>The staff console's sign-in: an ASP.NET Core cookie scheme of its own, so staff and customer sessions never mix.</summary>
public static class ConsoleRegistration
{
    public const string StaffScheme = "staff";
    public const string StaffPolicy = "staff";
    public const string StaffIdClaim = "staff_id";

    public static WebApplicationBuilder AddConsole(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddCookie(StaffScheme, options =>
            {
                options.Cookie.Name = "leeway_staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/console/sign-in";
                options.AccessDeniedPath = "/console/sign-in";
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.AddAuthenticationSchemes(StaffScheme).RequireClaim(StaffIdClaim));
        builder.Services.AddSingleton<StaffAudit>();
        return builder;
    }

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app) => app;
}
