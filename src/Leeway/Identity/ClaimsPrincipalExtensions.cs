using System.Security.Claims;

namespace Leeway.Identity;

internal static class ClaimsPrincipalExtensions
{
    /// <summary>The customer a customer token names; null for service callers.</summary>
    public static string? CustomerId(this ClaimsPrincipal user) => user.FindFirstValue(BearerAuthenticationHandler.CustomerIdClaim);

    public static bool IsService(this ClaimsPrincipal user) => user.IsInRole(BearerAuthenticationHandler.ServiceRole);
}
