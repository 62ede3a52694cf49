using System.Security.Claims;
using Leeway.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leeway.Diagnostics;

/// <summary>
/// <c>GET /api/v1/diagnosis</c> (the signed-in customer) and <c>GET /api/v1/customers/{id}/diagnosis</c> (staff and
/// internal callers; a customer token reaches only its own id). Anything not the caller's is the same 404 as a
/// customer that does not exist, so the answer never hints that someone else's account exists.
/// </summary>
internal static class DiagnosticsApi
{
    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Diagnostics");

        group.MapGet("/diagnosis", GetOwnDiagnosis)
            .RequireAuthorization(IdentityRegistration.CustomerPolicy)
            .WithName("GetDiagnosis")
            .WithSummary("Diagnose the signed-in customer's billing")
            .WithDescription("What is wrong (root cause, status, findings), explained in plain language with the next step, and which sources answered.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/customers/{id}/diagnosis", GetCustomerDiagnosis)
            .RequireAuthorization(policy => policy.RequireAuthenticatedUser())
            .WithName("GetCustomerDiagnosis")
            .WithSummary("Diagnose one customer's billing (staff and internal callers)")
            .WithDescription("The service key reads any customer; a customer token reads only its own id and gets 404 for any other.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        return app;
    }

    internal static async Task<Results<Ok<Diagnosis>, ProblemHttpResult>> GetOwnDiagnosis(
        ClaimsPrincipal user, IDiagnosisService diagnoses, CancellationToken cancellationToken)
    {
        var customerId = user.CustomerId();
        var diagnosis = customerId is null ? null : await diagnoses.DiagnoseAsync(customerId, cancellationToken);
        return diagnosis is null ? NotFound() : TypedResults.Ok(diagnosis);
    }

    internal static async Task<Results<Ok<Diagnosis>, ProblemHttpResult>> GetCustomerDiagnosis(
        string id, ClaimsPrincipal user, IDiagnosisService diagnoses, CancellationToken cancellationToken)
    {
        var allowed = user.IsService() || string.Equals(user.CustomerId(), id, StringComparison.Ordinal);
        var diagnosis = allowed ? await diagnoses.DiagnoseAsync(id, cancellationToken) : null;
        return diagnosis is null ? NotFound() : TypedResults.Ok(diagnosis);
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "No billing account was found.");
}
