using System.Text.Json;
using Leeway.Audit;
using Leeway.Identity;
using Leeway.Policy;

namespace Leeway.Humans.Console;

/// <summary>
/// Staff actions that do not pass through the gate (signing in and out, replies, closes) go into the same hash-chained
/// audit log as every gate decision, with the person who did them. Approvals are audited by the gate itself.
/// </summary>
public sealed class StaffAudit(IAuditLog audit)
{
    public const string Rule = "staff_console";

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
