using System.Security.Claims;
using Leeway.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.Humans.Console;

/// <summary>Staff sign-in with email and password (hashed by <see cref="IStaffDirectory"/>) into the <c>staff</c> cookie scheme.</summary>
[AllowAnonymous]
public sealed class SignInModel(IStaffDirectory staff, StaffAudit audit) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync([FromQuery] string? returnUrl, CancellationToken ct)
    {
        var member = string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password)
            ? null
            : await staff.VerifyAsync(Email.Trim(), Password, ct);
        if (member is null)
        {
            Error = "That email and password do not match a staff account.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ConsoleRegistration.StaffIdClaim, member.Id),
                new Claim(ClaimTypes.Name, member.Name),
                new Claim(ClaimTypes.Email, member.Email),
                new Claim(ClaimTypes.Role, member.Role),
            ],
            ConsoleRegistration.StaffScheme);
        await HttpContext.SignInAsync(ConsoleRegistration.StaffScheme, new ClaimsPrincipal(identity));
        await audit.RecordAsync(member.Id, "staff_sign_in", null, new { email = member.Email }, AuditDecision.Allowed, ct);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/console", StringComparison.Ordinal) ? returnUrl : "/console");
    }

    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken ct)
    {
        var result = await HttpContext.AuthenticateAsync(ConsoleRegistration.StaffScheme);
        if (result.Principal?.FindFirstValue(ConsoleRegistration.StaffIdClaim) is { } staffId)
        {
            await audit.RecordAsync(staffId, "staff_sign_out", null, new { }, AuditDecision.Allowed, ct);
        }

        await HttpContext.SignOutAsync(ConsoleRegistration.StaffScheme);
        return LocalRedirect("/console/sign-in");
    }
}
