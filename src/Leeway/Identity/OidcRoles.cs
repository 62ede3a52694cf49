using System.Security.Claims;

namespace Leeway.Identity;

/// <summary>
/// The staff role a provider's claim values give, through <see cref="OidcOptions.Roles"/>: values are compared exactly
/// (group names and ids are case-sensitive at most providers), and several mapped values give the highest role.
/// </summary>
internal static class OidcRoles
{
    /// <summary>The canonical role (<see cref="StaffRoles"/>), or null when no value maps to one.</summary>
    public static string? RoleFor(IEnumerable<string> claimValues, OidcOptions options)
    {
        string? best = null;
        foreach (var value in claimValues)
        {
            var role = options.Roles.Count == 0
                ? StaffRoles.Parse(value)
                : options.Roles.TryGetValue(value, out var mapped) ? StaffRoles.Parse(mapped) : null;
            if (role is not null && (best is null || StaffRoles.Includes(role, best)))
            {
                best = role;
            }
        }

        return best;
    }

    /// <summary>The values of <see cref="OidcOptions.RoleClaim"/> the provider sent (from the ID token and userinfo alike).</summary>
    public static IReadOnlyList<string> ClaimValues(ClaimsPrincipal principal, OidcOptions options) =>
        principal.FindAll(options.RoleClaim).Select(c => c.Value).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
