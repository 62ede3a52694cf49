using System.Text.Json;
using Leeway.Audit;
using Leeway.Identity;
using Leeway.Policy;

namespace Leeway.Humans.Console;

/// <summary>
/// Staff actions that do not pass through the gate (signing in and out, replies, closes) go into the same hash-chained
/// audit log as every gate decision, with the person who did them. Approvals are audited by the gate itself.
/// </summary>
internal sealed class StaffAudit(IAuditLog audit)
{
    public const string Rule = "staff_console";

    public const string FailedSignIn = "staff_sign_in_failed";

    /// <summary>A sign-in that failed: the email as typed, whose account it is (when one is), why, and from where. Never the password.</summary>
    public Task RecordFailedSignInAsync(string email, string? staffId, string reason, string? address, CancellationToken ct) =>
        audit.AppendAsync(
            new AuditRecord(
                staffId is null ? "anonymous" : Actor.Human(staffId).Name,
                staffId is null ? "anonymous" : Principal.Staff(staffId).ToString(),
                null,
                FailedSignIn,
                JsonSerializer.Serialize(new { email, reason, address }),
                Rule,
                AuditDecision.Denied),
            ct);

    public Task RecordAsync(string staffId, string action, string? customerId, object parameters, string decision, CancellationToken ct) =>
        audit.AppendAsync(
            new AuditRecord(
                Actor.Human(staffId).Name,
                Principal.Staff(staffId).ToString(),
                customerId,
                action,
                JsonSerializer.Serialize(parameters),
                Rule,
                decision),
            ct);
}
