using System.Security.Claims;
using Leeway.Audit;
using Leeway.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Leeway.Humans.Console;

/// <summary>
/// The staff accounts, for admins: each member's role and whether they may sign in, with disable, enable and a role
/// change (the same directory <c>leeway staff</c> changes; a disabled member's sessions end at their next request).
/// An admin cannot disable themselves or change their own role, so the console always keeps the admin using it.
/// </summary>
[Authorize(Policy = StaffPolicies.Admin)]
internal sealed class StaffModel(IStaffDirectory staff, StaffAudit audit, IOptions<OidcOptions> oidc) : PageModel
{
    public IReadOnlyList<StaffMember> Members { get; private set; } = [];

    public string? Notice { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The provider's display name when staff sign in through one (its role claim then overrides a role set here).</summary>
    public string? Provider => oidc.Value.Enabled ? oidc.Value.DisplayName : null;

    public string StaffId => User.FindFirstValue(StaffPolicies.StaffIdClaim)!;

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        Notice = done;
        Members = await staff.ListAsync(ct);
    }

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) => SetDisabledAsync(id, true, ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) => SetDisabledAsync(id, false, ct);

    public async Task<IActionResult> OnPostRoleAsync(string id, string? role, CancellationToken ct)
    {
        if (StaffRoles.Parse(role) is not { } canonical)
        {
            return await RefusedAsync($"'{role}' is not a role: choose one of {string.Join(", ", StaffRoles.All)}.", ct);
        }

        if (id == StaffId)
        {
            return await RefusedAsync("You cannot change your own role; ask another admin.", ct);
        }

        var member = await staff.SetRoleAsync(id, canonical, ct);
        if (member is null)
        {
            return await RefusedAsync($"There is no staff member {id}.", ct);
        }

        await audit.RecordAsync(StaffId, "staff_role", null, new { staff = member.Id, email = member.Email, role = member.Role }, AuditDecision.Allowed, ct);
        return Done($"{member.Name} is now {member.Role}.");
    }

    private async Task<IActionResult> SetDisabledAsync(string id, bool disabled, CancellationToken ct)
    {
        if (id == StaffId)
        {
            return await RefusedAsync("You cannot disable your own account; ask another admin.", ct);
        }

        var member = await staff.SetDisabledAsync(id, disabled, ct);
        if (member is null)
        {
            return await RefusedAsync($"There is no staff member {id}.", ct);
        }

        await audit.RecordAsync(StaffId, disabled ? "staff_disable" : "staff_enable", null, new { staff = member.Id, email = member.Email }, AuditDecision.Allowed, ct);
        return Done(disabled ? $"{member.Name} is disabled: their sessions have ended." : $"{member.Name} may sign in again.");
    }

    private RedirectResult Done(string notice) => Redirect("/console/staff?done=" + Uri.EscapeDataString(notice));

    private async Task<IActionResult> RefusedAsync(string error, CancellationToken ct)
    {
        Error = error;
        Members = await staff.ListAsync(ct);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
