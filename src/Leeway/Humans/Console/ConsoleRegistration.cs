using Leeway.Identity;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Leeway.Humans.Console;

/// <summary>The staff console's sign-in: an ASP.NET Core cookie scheme of its own, so staff and customer sessions never mix.</summary>
internal static class ConsoleRegistration
{
    public const string StaffScheme = StaffPolicies.Scheme;

    /// <summary>Any signed-in staff member (<see cref="StaffPolicies.Agent"/>); leads and admins have policies of their own.</summary>
    public const string StaffPolicy = StaffPolicies.Agent;
    public const string StaffIdClaim = StaffPolicies.StaffIdClaim;

    /// <summary>The session's id, listed in <see cref="RevokedCredentials"/> when the member signs out.</summary>
    public const string SessionIdClaim = "staff_session";

    /// <summary>How long a session cookie lives without use (sliding).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

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
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = RejectSignedOutAsync;
                options.Events.OnRedirectToAccessDenied = StaffSession.ForbiddenAsync;
            });
        builder.Services.AddSingleton<StaffAudit>();
        builder.Services.AddSingleton<CasePageLoader>();
        builder.Services.AddOptions<StaffLockoutOptions>().BindConfiguration(StaffLockoutOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<StaffLockout>();
        builder.AddStaffSingleSignOn();
        return builder;
    }

    /// <summary>A session cookie whose session was signed out is refused, wherever a copy of it is presented.</summary>
    private static async Task RejectSignedOutAsync(CookieValidatePrincipalContext context)
    {
        var session = context.Principal?.FindFirst(SessionIdClaim)?.Value;
        var revoked = context.HttpContext.RequestServices.GetRequiredService<RevokedCredentials>();
        if (session is null || await revoked.IsRevokedAsync(RevokedCredentials.SessionId(session), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            return;
        }

        await StaffSession.FollowDirectoryAsync(context);
    }

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder app) => app;
}
