using System.Security.Claims;
using Leeway.Audit;
using Leeway.Identity;
using Leeway.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Leeway.Humans.Console;

/// <summary>Staff sign-in with email and password (hashed by <see cref="IStaffDirectory"/>) into the <c>staff</c> cookie scheme.</summary>
[AllowAnonymous]
[Authorize(AuthenticationSchemes = ConsoleRegistration.StaffScheme)] // anonymous allowed, but a signed-in member is known (sign-out's antiforgery token is theirs)
[RateLimited(RateLimits.SignIn, Method = "POST", Handler = "")]
internal sealed class SignInModel(IStaffDirectory staff, StaffAudit audit, StaffLockout lockout, RevokedCredentials revoked, IdGenerator ids) : PageModel
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
        var email = Email?.Trim() ?? "";
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (email.Length > 0 && await lockout.LockedUntilAsync(email, ct) is { } lockedUntil)
        {
            // Refused before the password is looked at: while locked, even the right one does not sign in.
            await audit.RecordFailedSignInAsync(email, (await staff.FindByEmailAsync(email, ct))?.Id, "locked", address, ct);
            return Refused(Locked(lockedUntil));
        }

        var member = email.Length == 0 || string.IsNullOrEmpty(Password)
            ? null
            : await staff.VerifyAsync(email, Password, ct);
        if (member is null)
        {
            var locks = email.Length > 0 ? await lockout.FailedAsync(email, ct) : null;
            await audit.RecordFailedSignInAsync(email, (email.Length > 0 ? await staff.FindByEmailAsync(email, ct) : null)?.Id, "wrong_email_or_password", address, ct);
            return Refused(locks is { } until ? Locked(until) : "That email and password do not match a staff account.");
        }

        await lockout.SucceededAsync(email, ct);
        var identity = new ClaimsIdentity(
            [
                new Claim(ConsoleRegistration.StaffIdClaim, member.Id),
                new Claim(ConsoleRegistration.SessionIdClaim, ids.NewId("ses")),
                new Claim(ClaimTypes.Name, member.Name),
                new Claim(ClaimTypes.Email, member.Email),
                new Claim(ClaimTypes.Role, member.Role),
            ],
            ConsoleRegistration.StaffScheme);
        await HttpContext.SignInAsync(ConsoleRegistration.StaffScheme, new ClaimsPrincipal(identity));
        await audit.RecordAsync(member.Id, "staff_sign_in", null, new { email = member.Email }, AuditDecision.Allowed, ct);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) && returnUrl!.StartsWith("/console", StringComparison.Ordinal) ? returnUrl : "/console");
    }

    /// <summary>Signs the member out here and revokes the session, so a copy of the cookie stops working too.</summary>
    public async Task<IActionResult> OnPostSignOutAsync(CancellationToken ct)
    {
        var result = await HttpContext.AuthenticateAsync(ConsoleRegistration.StaffScheme);
        if (result.Principal?.FindFirstValue(ConsoleRegistration.SessionIdClaim) is { } session)
        {
            await revoked.RevokeAsync(RevokedCredentials.SessionId(session), ConsoleRegistration.SessionLifetime, ct);
        }

        if (result.Principal?.FindFirstValue(ConsoleRegistration.StaffIdClaim) is { } staffId)
        {
            await audit.RecordAsync(staffId, "staff_sign_out", null, new { }, AuditDecision.Allowed, ct);
        }

        await HttpContext.SignOutAsync(ConsoleRegistration.StaffScheme);
        return LocalRedirect("/console/sign-in");
    }

    private static string Locked(DateTimeOffset until) =>
        $"Too many failed sign-ins: this account is locked until {until.UtcDateTime:HH:mm} UTC. Try again then, or ask a lead to check the account.";

    private PageResult Refused(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return Page();
    }
}
