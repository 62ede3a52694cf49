using Microsoft.Extensions.Options;

namespace Leeway.Identity;

/// <summary><c>POST /api/v1/me/sign-out</c>: the bearer token that calls it stops working, on every host, at once.</summary>
internal static class IdentityApi
{
    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/me/sign-out", SignOutAsync)
            .RequireAuthorization(IdentityRegistration.CustomerPolicy)
            .WithName("SignOut")
            .WithTags("Identity")
            .WithSummary("Revoke the bearer token of this request; it is refused from now on.");
        return app;
    }

    public static async Task<Microsoft.AspNetCore.Http.HttpResults.NoContent> SignOutAsync(
        HttpRequest request,
        RevokedCredentials revoked,
        IOptions<IdentityOptions> options,
        CancellationToken cancellationToken)
    {
        var token = request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        await revoked.RevokeAsync(RevokedCredentials.TokenId(token), TimeSpan.FromMinutes(options.Value.TokenLifetimeMinutes), cancellationToken);
        return TypedResults.NoContent();
    }
}
