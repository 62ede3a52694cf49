using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Leeway.Identity;

/// <summary>
/// The authorization policies of staff pages and endpoints, one per <see cref="StaffRoles">role</see>: use
/// <c>[Authorize(Policy = StaffPolicies.Lead)]</c> on a page or <c>.RequireAuthorization(StaffPolicies.Admin)</c> on an
/// endpoint. Each reads the signed-in member's role from the <see cref="Scheme"/> cookie (kept in step with the staff
/// directory on every request, so a changed role or a disabled account takes effect at once).
/// </summary>
internal static class StaffPolicies
{
    /// <summary>The staff cookie scheme (never mixed with customers' sessions).</summary>
    public const string Scheme = "staff";

    public const string StaffIdClaim = "staff_id";

    /// <summary>Any signed-in staff member: the queue, a case, reply, close, staff actions within the agent limits.</summary>
    public const string Agent = "staff";

    /// <summary>Leads and admins: approvals over the agent limits, knowledge edits.</summary>
    public const string Lead = "staff-lead";

    /// <summary>Admins: staff accounts, settings, the operations page.</summary>
    public const string Admin = "staff-admin";

    /// <summary>The role a signed-in member holds, in canonical form; null for anyone else.</summary>
    public static string? StaffRole(this ClaimsPrincipal user) =>
        user.FindFirstValue(StaffIdClaim) is null ? null : StaffRoles.Parse(user.FindFirstValue(ClaimTypes.Role));

    internal static AuthorizationBuilder AddStaffPolicies(this AuthorizationBuilder authorization) => authorization
        .AddPolicy(Agent, p => Require(p, StaffRoles.Agent))
        .AddPolicy(Lead, p => Require(p, StaffRoles.Lead))
        .AddPolicy(Admin, p => Require(p, StaffRoles.Admin));

    private static void Require(AuthorizationPolicyBuilder policy, string role) => policy
        .AddAuthenticationSchemes(Scheme)
        .RequireClaim(StaffIdClaim)
        .RequireAssertion(c => StaffRoles.Includes(c.User.StaffRole(), role));
}
