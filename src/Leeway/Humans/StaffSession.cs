using System.Security.Claims;
using Leeway.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Leeway.Humans;

/// <summary>
/// A staff session cookie follows the staff directory on every request: a disabled or deleted member's session stops,
/// and a changed role applies at once (the cookie is reissued with it), so an admin's change never waits for a sign-out.
/// </summary>
internal static class StaffSession
{
    public static async Task FollowDirectoryAsync(CookieValidatePrincipalContext context)
    {
        var staffId = context.Principal?.FindFirstValue(StaffPolicies.StaffIdClaim);
        var directory = context.HttpContext.RequestServices.GetRequiredService<IStaffDirectory>();
        var member = staffId is null ? null : await directory.GetAsync(staffId, context.HttpContext.RequestAborted);
        if (member is null || member.IsDisabled)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffPolicies.Scheme);
            return;
        }

        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        if (identity.FindFirst(ClaimTypes.Role)?.Value == member.Role)
        {
            return;
        }

        foreach (var stale in identity.FindAll(ClaimTypes.Role).ToList())
        {
            identity.RemoveClaim(stale);
        }

        identity.AddClaim(new Claim(ClaimTypes.Role, member.Role));
        context.ShouldRenew = true;
    }

    /// <summary>A signed-in member whose role does not allow the page gets 403 and a sentence saying so, not a loop back to sign-in.</summary>
    public static Task ForbiddenAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        context.Response.ContentType = "text/plain; charset=utf-8";
        var role = context.HttpContext.User.StaffRole() ?? "none";
        return context.Response.WriteAsync($"Your role ({role}) does not allow this. Ask an admin if you need it.", context.HttpContext.RequestAborted);
    }
}
