using System.Text.Json.Serialization;
using Leeway.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Leeway.Audit;

/// <summary>Staff and service read access to the audit log: <c>GET /api/v1/audit?customer=…</c>.</summary>
internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").RequireAuthorization(IdentityRegistration.ServicePolicy).WithTags("Audit");
        group.MapGet("/", ListEntries).WithName("ListAuditEntries");
        group.MapGet("/verify", Verify).WithName("VerifyAuditChain");
        return group;
    }

    /// <summary>The newest entries (oldest first), filtered by customer, action or decision; page back with <c>before</c>.</summary>
    public static async Task<Results<Ok<AuditPage>, ProblemHttpResult>> ListEntries(
        IAuditLog audit,
        string? customer,
        string? action,
        string? decision,
        long? before,
        int? limit,
        CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            return TypedResults.Problem($"limit must be between 1 and 1000 (got {limit})", statusCode: StatusCodes.Status400BadRequest);
        }

        if (decision is not null and not (AuditDecision.Allowed or AuditDecision.Denied or AuditDecision.Error))
        {
            return TypedResults.Problem($"decision must be allowed, denied or error (got {decision})", statusCode: StatusCodes.Status400BadRequest);
        }

        var entries = await audit.ListAsync(new AuditQuery(customer, null, action, decision, before, limit ?? 200), cancellationToken);
        return TypedResults.Ok(new AuditPage(entries, entries.Count > 0 ? entries[0].Seq : null));
    }

    public static async Task<Ok<AuditVerification>> Verify(AuditVerifier verifier, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verifier.VerifyAsync(cancellationToken));
}

/// <summary>A page of audit entries, oldest first; <see cref="Before"/> is the <c>before</c> of the next (older) page.</summary>
internal sealed record AuditPage(
    [property: JsonPropertyName("data")] IReadOnlyList<AuditEntry> Data,
    [property: JsonPropertyName("before")] long? Before);
